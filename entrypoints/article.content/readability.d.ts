/**
 * Readability's class on its own. The package's index also loads `isProbablyReaderable`, which the
 * content script does not use and, as CommonJS, cannot be tree-shaken; the file sets `module.exports` to
 * the class, so its default export is the class the package's types describe.
 */
declare module '@mozilla/readability/Readability.js' {
  import { Readability } from '@mozilla/readability';
  export default Readability;
}
