/** The text of `npm run packs -- --help`. Kept in step with docs/pack-format.md. */
export const HELP = `Backstory pack builder

Usage:
  npm run packs -- build --out DIR [options] [inputs…]
  npm run packs -- validate DIR
  npm run packs -- delta --from OLD_DIR --to NEW_DIR --out DIR
  npm run packs -- index DIR [--latest VERSION]
  npm run packs -- keygen --out DIR
  npm run packs -- sign DIR --key FILE
  npm run packs -- serve DIR [--port N]
  npm run packs -- --help

build    Reads the inputs and writes DIR/records.ndjson, DIR/manifest.json and, with --given-names,
         DIR/given-names.json. The same inputs give byte-identical output. Every record carries its
         source; a record without one stops the build.
validate Checks a pack: the manifest, each file's size and sha256, and every record line. An error
         names the file and line.

Sync sources (docs/sync.md):
delta    Writes the delta pack from full pack OLD_DIR to full pack NEW_DIR: NEW's added and changed
         records, and a tombstone for each record NEW no longer holds. Deterministic.
index    Writes DIR/index.json for the full packs and deltas in DIR's subfolders; the latest is the
         full pack created last, or --latest VERSION. Removes a stale index.json.sig.
keygen   Writes an Ed25519 key pair into DIR: sync-key.private (PKCS#8, base64; keep it secret) and
         sync-key.public (32 raw bytes, base64; users pin it when they add the source).
sign     Signs DIR/index.json with the private key FILE, writing DIR/index.json.sig.
serve    Serves DIR on http://127.0.0.1:N/ (default port 8787; 0 picks a free one) with strong ETags,
         Last-Modified, 304s and Access-Control-Allow-Origin: *, for development and tests.

Inputs (each flag may be repeated; bare paths are recognised by their shape, see below):
  --datasets DIR          a folder laid out like ../shared/datasets (US Congress, UK MPs 2024, the 2017
                          UK Popolo file, the 2022 Wikidata officeholders)
  --curated FILE          hand-curated offices (packs/curated/offices-2024-2025.json)
  --seed FILE             the seed article text (../shared/seed/independent-2025-02-26.txt)
  --wikidata FILE         a Wikidata JSON dump, .json or .json.gz, one entity per line (the full
                          latest-all.json or an extract); people, parties and countries are kept
  --wikidata-labels FILE  a dump read only for the labels of positions, parties and countries
  --popolo FILE           a Popolo JSON file (persons, organizations, memberships, posts)
  --claimreview FILE      schema.org ClaimReview: a JSON-LD file, a DataFeed, or an HTML page
  --article FILE|URL      a news article as HTML; its attributed quotes become statements
  --articles FILE         a list of article files or URLs, one a line (# starts a comment)
  --tombstones FILE       NDJSON tombstone records withdrawing entities, statements or figures

Pack options:
  --out DIR               where to write the pack (required)
  --id ID                 pack id, [a-z0-9._-] (default: pack)
  --title TEXT            pack title (default: "Backstory pack <id>")
  --version TEXT          default: the created date and the first 8 hex digits of the records' sha256
  --created YYYY-MM-DD    default: the newest date the inputs declare (never the clock)
  --given-names           also write given-names.json (names in the datasets and the Moby lists)
  --quiet                 print only errors

Bare paths: a folder with us-congress-legislators/ is --datasets; *.gz is --wikidata; the seed file
is --seed; an http(s) URL or .html file is --article (or --claimreview when its JSON-LD holds a
ClaimReview); a .json/.jsonld/.ndjson file is --claimreview, --wikidata or --popolo by its content.

Example (the starter pack; npm run pack:starter runs exactly this):
  npm run packs -- build --out public/packs/starter --id starter --given-names \\
    --datasets ../shared/datasets --curated packs/curated/offices-2024-2025.json \\
    --seed ../shared/seed/independent-2025-02-26.txt \\
    --wikidata ../shared/datasets/wikidata-dump-sample/latest-all.first-50-lines.json \\
    --article ../shared/corpus/bbc-1/source.html …

Format: docs/pack-format.md
`;
