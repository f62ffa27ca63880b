// Unit tests run in Node with an in-memory IndexedDB, so the real Dexie schema is exercised.
import 'fake-indexeddb/auto';
