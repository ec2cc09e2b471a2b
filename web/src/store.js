// The page's durable store in IndexedDB (see store.rs): one database per namespace, one object
// store `records` of text under string keys. Written as JavaScript because the same code through
// web-sys cost the county page ~15 KB of its download budget (gzip); what crosses to Rust is
// strings, arrays of strings and promises.

// One connection per namespace: a page may hold several apps (widgets), each with its own.
const dbs = new Map();
// The writes not yet settled, each resolving to whether it committed (see settled).
const underway = new Set();
const RECORDS = 'records';
const LEGACY = [['shifan.draft.', 'draft:'], ['shifan.review', 'review:session', true], ['shifan.review.unreadable', 'review:unreadable', true]];
const settle = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** Opens the namespace's database (creating it), and keeps the connection. */
export async function store_open(namespace) {
  if (dbs.has(namespace)) return;
  const request = indexedDB.open(namespace, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(RECORDS);
  dbs.set(namespace, await settle(request));
}

/** Starts one readwrite transaction of `change` ([key, text or undefined to delete, …]) now,
 * strict where the browser knows durability, committed at once; settles when committed. With
 * `prefix`, the same transaction also deletes every record under it whose key is not in `keep`
 * (and commits once they are listed). Each write counts for `settled` until it settles. */
export function store_write(namespace, change, prefix, keep) {
  const done = begin_write(namespace, change, prefix, keep);
  const settled = done.then(() => true, () => false);
  underway.add(settled);
  settled.then(() => underway.delete(settled));
  return done;
}

function begin_write(namespace, change, prefix, keep) {
  try {
    const db = dbs.get(namespace);
    if (!db) throw new DOMException('no store', 'InvalidStateError');
    const tx = 'durability' in IDBTransaction.prototype
      ? db.transaction(RECORDS, 'readwrite', { durability: 'strict' })
      : db.transaction(RECORDS, 'readwrite');
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(String(tx.error?.name));
    });
    const records = tx.objectStore(RECORDS);
    try {
      for (let i = 0; i < change.length; i += 2) {
        if (change[i + 1] === undefined) records.delete(change[i]);
        else records.put(change[i + 1], change[i]);
      }
    } catch (e) {
      done.catch(() => {});
      tx.abort();
      throw e;
    }
    const commit = () => { if (tx.commit) tx.commit(); };
    if (prefix === undefined) commit();
    else {
      const listed = records.getAllKeys(IDBKeyRange.bound(prefix, prefix + '\uffff'));
      listed.onsuccess = () => {
        const kept = new Set(keep);
        for (const k of listed.result) if (!kept.has(k)) records.delete(k);
        commit();
      };
    }
    return done;
  } catch (e) {
    return Promise.reject(String(e?.name));
  }
}

/** Resolves when every write started so far has settled, or after `ms`: to false when one of
 * them failed, else true. */
function settled(ms) {
  const all = Promise.all([...underway]).then((each) => each.every(Boolean));
  return Promise.race([all, new Promise((resolve) => setTimeout(resolve, ms, true))]);
}

/** Follows the site's link to `href` that was `click`ed (see leaving.rs): unless the click
 * opens another tab, dispatches `leaving` on the window (the autosaves write what they hold,
 * synchronously), then goes once every write has settled or `ms` passed, asking `question`
 * first when one of them failed. Here rather than in Rust: the same through web-sys cost the
 * county page ~0.3 KB (gzip). */
export function store_leave(click, href, leaving, question, ms) {
  if (click.button !== 0 || click.ctrlKey || click.metaKey || click.shiftKey || click.altKey) return;
  click.preventDefault();
  dispatchEvent(new Event(leaving));
  settled(ms).then((committed) => {
    if (committed || confirm(question)) location.assign(href);
  });
}

/** The records whose keys start with `prefix`: [key, text (undefined if not text), …]. */
export async function store_read(namespace, prefix) {
  const db = dbs.get(namespace);
  if (!db) throw 'InvalidStateError';
  const records = db.transaction(RECORDS).objectStore(RECORDS);
  const range = IDBKeyRange.bound(prefix, prefix + '\uffff');
  const [keys, values] = await Promise.all([settle(records.getAllKeys(range)), settle(records.getAll(range))]);
  return keys.flatMap((key, i) => [String(key), typeof values[i] === 'string' ? values[i] : undefined]);
}

/** The drafts and review session of localStorage under their store keys: [key, text, …]. */
function legacy() {
  const out = [];
  let local;
  try {
    local = localStorage;
  } catch {
    return out;
  }
  for (let i = 0; i < local.length; i += 1) {
    const key = local.key(i);
    for (const [old, now, exact] of LEGACY) {
      if (exact ? key === old : key.startsWith(old)) {
        out.push(key, now + (exact ? '' : key.slice(old.length)), local.getItem(key));
        break;
      }
    }
  }
  return out;
}

/** Moves localStorage's records into the store once (one transaction, with the mark
 * `meta:migrated`; a record already there is kept), removing them from localStorage only after
 * it committed; nothing at all when localStorage holds none. Resolves to the drafts left in localStorage ([key, text, …]): none unless the
 * move failed. */
export async function store_migrate(namespace) {
  // localStorage is looked at first: it is read in place, where the store is a round trip to
  // the browser, and on a visit with nothing to move (every first visit) no transaction, and no
  // strict write, delays the start. Without records there is nothing to mark as moved.
  const found = legacy();
  if (!found.length) return [];
  if ((await store_read(namespace, 'meta:migrated')).length) return [];
  const change = [];
  for (let i = 0; i < found.length; i += 3) {
    if (!(await store_read(namespace, found[i + 1])).includes(found[i + 1])) change.push(found[i + 1], found[i + 2]);
  }
  change.push('meta:migrated', new Date().toISOString());
  try {
    await store_write(namespace, change);
  } catch {
    return found.flatMap((_, i) => (i % 3 === 0 && found[i + 1].startsWith('draft:') ? [found[i + 1], found[i + 2]] : []));
  }
  for (let i = 0; i < found.length; i += 3) localStorage.removeItem(found[i]);
  return [];
}

/** Whether the browser keeps the store from eviction, asking for it first when `ask`;
 * undefined where it cannot say (no navigator.storage, as on plain http). */
export async function store_persisted(ask) {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return undefined;
  try {
    if (ask && (await storage.persist())) return true;
    return await storage.persisted();
  } catch {
    return undefined;
  }
}
