/**
 * Undo history kept across a reload of the tab, in IndexedDB.
 *
 * It was in sessionStorage, which Chromium reads whole, synchronously, at a page's first use of
 * it (the session token is read there as every page starts): the history of a 1,000-block flow
 * (hundreds of kilobytes a step as JSON) held up every page of the tab, and past the 5 MB quota
 * it was not kept at all. IndexedDB is read asynchronously, beside the draft's request, and its
 * structured clone stores the blocks that undo steps share once rather than once per step.
 *
 * Records are per tab (an id in sessionStorage) and application, as sessionStorage's were. A
 * closed tab's records are left behind, so records not written for a day are deleted as the
 * Designer opens, and all are deleted on sign-out (they hold flow documents).
 */
import type { Application } from '../../../../schemas/application.generated.ts';
import type { History } from './history.ts';

/** What is kept of a history: tied to the saved revision it started from, 30 steps each way. */
export interface StoredHistory {
  revision: number;
  past: Application[];
  present: Application;
  future: Application[];
}

function toStored(revision: number, history: History): StoredHistory {
  return {
    revision,
    past: history.past.slice(-30),
    present: history.present,
    future: history.future.slice(0, 30),
  };
}

/** The history back, when it was recorded on top of the same saved revision as the server's draft. */
export function fromStored(
  stored: StoredHistory | undefined,
  applicationId: string,
  revision: number,
): History | null {
  if (!stored || stored.revision !== revision || stored.present?.id !== applicationId) return null;
  return { past: stored.past, present: stored.present, future: stored.future, lastGroup: null, lastAt: 0 };
}

const DATABASE = 'ringback-designer';
const STORE = 'history';
const TAB_KEY = 'ringback.tab';
const KEEP_MS = 24 * 60 * 60 * 1000;

interface Row {
  key: string;
  savedAt: number;
  stored: StoredHistory;
}

let opened: Promise<IDBDatabase | null> | null = null;
/** The database once open: a write at pagehide cannot wait for an open to finish. */
let database: IDBDatabase | null = null;
/**
 * Set by sign-out until a Designer opens again: the Designer leaving as the user signs out
 * writes its pending history, which must not bring the database back.
 */
let forgotten = false;

function tabId(): string {
  let id = sessionStorage.getItem(TAB_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(TAB_KEY, id);
  }
  return id;
}

const rowKey = (applicationId: string) => `${tabId()}/${applicationId}`;

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens the database (once) and deletes records left from a day ago. Null where it cannot be used. */
function open(): Promise<IDBDatabase | null> {
  opened ??= (async () => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      database = await done(request);
      // Another tab deleting the database (its sign-out) closes this one's connection.
      database.onversionchange = () => {
        database?.close();
        database = null;
        opened = null;
      };
      const store = database.transaction(STORE, 'readwrite').objectStore(STORE);
      const stale = Date.now() - KEEP_MS;
      store.openCursor().onsuccess = (event) => {
        const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!cursor) return;
        if ((cursor.value as Row).savedAt < stale) cursor.delete();
        cursor.continue();
      };
      return database;
    } catch {
      // No IndexedDB (a private window may refuse it): undo works, it just does not survive a reload.
      return null;
    }
  })();
  return opened;
}

/**
 * The saved history of an application, if any: asked for beside the draft's request, and used
 * (history.ts, fromStored) when it is on top of the draft's revision.
 */
export async function readHistory(applicationId: string): Promise<StoredHistory | undefined> {
  forgotten = false;
  const db = await open();
  if (!db) return undefined;
  try {
    const row = await done<Row | undefined>(
      db.transaction(STORE, 'readonly').objectStore(STORE).get(rowKey(applicationId)),
    );
    return row?.stored;
  } catch {
    return undefined;
  }
}

/**
 * Writes the history; the structured clone is taken now, the write finishes on its own, also
 * when the page is being left (the transaction is committed at once).
 */
export function saveHistory(revision: number, history: History): void {
  if (forgotten) return;
  const row: Row = {
    key: rowKey(history.present.id),
    savedAt: Date.now(),
    stored: toStored(revision, history),
  };
  const write = (db: IDBDatabase) => {
    try {
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(row);
      transaction.commit();
    } catch {
      // Quota or a closing database: undo still works in this tab.
    }
  };
  if (database) write(database);
  else
    void open().then((db) => {
      if (db) write(db);
    });
}

/** Forgets every saved history (sign-out): the database goes, and is made again when needed. */
export function clearHistories(): void {
  forgotten = true;
  database?.close();
  database = null;
  opened = null;
  try {
    indexedDB.deleteDatabase(DATABASE);
  } catch {
    // No IndexedDB: nothing was kept.
  }
}
