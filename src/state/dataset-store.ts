// Imported datasets kept on this device (IndexedDB), under the content hash their `h:` permalinks name, so
// that a reload or a link opened later finds them. Stores the bundle in columns (io/columnar.ts: typed arrays,
// read back without a JSON parse; copies kept by earlier versions hold the canonical JSON text instead) and a
// few facts to list them without reading it. Every failure comes back as a rejected promise with a plain
// message.

export interface StoredDatasetInfo {
  /** First 16 hex digits of the SHA-256 of `text`. */
  hash: string;
  title: string;
  /** Size of the canonical text in bytes (UTF-8). */
  bytes: number;
  organizations: number;
  synthetic: boolean;
  /** ISO timestamp of the last save. */
  savedAt: string;
}

/**
 * The kept bundle: its columns (io/columnar.ts), or, in a copy an earlier version kept, the canonical bundle
 * JSON (io/export/bundle-json.ts) as text or as its UTF-8 bytes.
 */
export type StoredContent =
  | {
      form: 'columns';
      bytes: Uint8Array<ArrayBuffer>;
      /** The Blob the bytes were read from, when kept as one: a worker can read it without a copy here. */
      blob?: Blob;
    }
  | { form: 'json'; text: string | Uint8Array };

export interface StoredDataset extends StoredDatasetInfo {
  content: StoredContent;
  /** Node positions a GEXF or GraphML file brought, as [organization id, x, y]; they are not bundle data. */
  positions?: [string, number, number][] | undefined;
}

/** What put takes: the bytes may also be a Blob (made off the main thread). */
export type DatasetToKeep = Omit<StoredDataset, 'content'> & {
  content:
    | { form: 'columns'; bytes: Uint8Array<ArrayBuffer> | Blob }
    | { form: 'json'; text: string | Uint8Array | Blob };
};

export interface DatasetStore {
  put(record: DatasetToKeep): Promise<void>;
  get(hash: string): Promise<StoredDataset | undefined>;
  /** Newest first. */
  list(): Promise<StoredDatasetInfo[]>;
  delete(hash: string): Promise<void>;
}

const DB_NAME = 'forgemap';
const DB_VERSION = 1;
const DATASETS = 'datasets';
const INFO = 'info';

function promised<T>(request: IDBRequest<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(storeError(what, request.error));
  });
}

function storeError(what: string, cause: DOMException | null): Error {
  const reason =
    cause?.name === 'QuotaExceededError'
      ? 'the browser has no more storage space for this site'
      : (cause?.message ?? 'the browser refused');
  return new Error(`Could not ${what} on this device: ${reason}.`);
}

function done(tx: IDBTransaction, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(storeError(what, tx.error));
    tx.onabort = () => reject(storeError(what, tx.error));
  });
}

/** Opens (and on first use creates) the store. Two object stores: the texts, and their small info rows. */
export function openDatasetStore(factory: IDBFactory | undefined = globalThis.indexedDB): DatasetStore {
  let opened: Promise<IDBDatabase> | undefined;
  const db = (): Promise<IDBDatabase> => {
    if (factory === undefined)
      return Promise.reject(new Error('This browser cannot keep datasets on the device (no IndexedDB).'));
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const database = request.result;
        if (!database.objectStoreNames.contains(DATASETS))
          database.createObjectStore(DATASETS, { keyPath: 'hash' });
        if (!database.objectStoreNames.contains(INFO)) database.createObjectStore(INFO, { keyPath: 'hash' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(storeError('open the dataset store', request.error));
      request.onblocked = () =>
        reject(new Error('The dataset store is busy in another tab; close it and retry.'));
    });
    // A failed open may succeed later (another tab closed): do not cache the failure.
    opened.catch(() => (opened = undefined));
    return opened;
  };

  return {
    async put(record) {
      const tx = (await db()).transaction([DATASETS, INFO], 'readwrite');
      const info: StoredDatasetInfo = {
        hash: record.hash,
        title: record.title,
        bytes: record.bytes,
        organizations: record.organizations,
        synthetic: record.synthetic,
        savedAt: record.savedAt,
      };
      const { content } = record;
      tx.objectStore(DATASETS).put({
        hash: record.hash,
        ...(content.form === 'columns'
          ? { columns: storable(content.bytes) }
          : { text: storable(content.text) }),
        positions: record.positions ?? [],
      });
      tx.objectStore(INFO).put(info);
      await done(tx, `keep "${record.title}"`);
    },
    async get(hash) {
      const tx = (await db()).transaction([DATASETS, INFO], 'readonly');
      const [data, info] = await Promise.all([
        promised<unknown>(tx.objectStore(DATASETS).get(hash), 'read the dataset'),
        promised<unknown>(tx.objectStore(INFO).get(hash), 'read the dataset'),
      ]);
      // Read after the transaction's requests: a Blob stays readable once its transaction is done.
      const content = isRecord(data) ? await readContent(data) : undefined;
      const facts = readInfo(info);
      if (content === undefined || facts === undefined) return undefined;
      const positions = isRecord(data) ? readPositions(data['positions']) : [];
      return { ...facts, content, ...(positions.length > 0 ? { positions } : {}) };
    },
    async list() {
      const tx = (await db()).transaction(INFO, 'readonly');
      const rows = await promised<unknown[]>(tx.objectStore(INFO).getAll(), 'list the datasets');
      return rows
        .map(readInfo)
        .filter((row): row is StoredDatasetInfo => row !== undefined)
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async delete(hash) {
      const tx = (await db()).transaction([DATASETS, INFO], 'readwrite');
      tx.objectStore(DATASETS).delete(hash);
      tx.objectStore(INFO).delete(hash);
      await done(tx, 'delete the dataset');
    },
  };
}

/**
 * Big texts are kept as a Blob: putting bytes into IndexedDB copies them on the main thread as part of the
 * call (~0.4 s for a 136 MB bundle on a slow machine), a Blob is handed over by reference and written
 * without blocking. Small ones stay as they are.
 */
const BLOB_BYTES = 1024 * 1024;
function storable<T extends string | Uint8Array | Blob>(text: T): T | Blob {
  if (typeof Blob === 'undefined' || typeof text === 'string' || text instanceof Blob) return text;
  if (text.byteLength < BLOB_BYTES) return text;
  return new Blob([text as Uint8Array<ArrayBuffer>]);
}

/** The stored bytes as bytes (a Blob read back), or undefined when the row holds neither form. */
async function readContent(data: Record<string, unknown>): Promise<StoredContent | undefined> {
  const bytesOf = async (value: unknown): Promise<Uint8Array<ArrayBuffer> | undefined> =>
    value instanceof Uint8Array
      ? (value as Uint8Array<ArrayBuffer>)
      : value instanceof Blob
        ? new Uint8Array(await value.arrayBuffer())
        : undefined;
  if ('columns' in data) {
    const columns = data['columns'];
    const bytes = await bytesOf(columns);
    if (bytes === undefined) return undefined;
    return columns instanceof Blob ? { form: 'columns', bytes, blob: columns } : { form: 'columns', bytes };
  }
  const text = data['text'];
  if (typeof text === 'string') return { form: 'json', text };
  const bytes = await bytesOf(text);
  return bytes === undefined ? undefined : { form: 'json', text: bytes };
}

function readPositions(value: unknown): [string, number, number][] {
  if (!Array.isArray(value)) return [];
  const out: [string, number, number][] = [];
  for (const row of value as unknown[]) {
    if (!Array.isArray(row) || row.length !== 3) continue;
    const [id, x, y] = row as unknown[];
    if (
      typeof id === 'string' &&
      typeof x === 'number' &&
      typeof y === 'number' &&
      Number.isFinite(x) &&
      Number.isFinite(y)
    )
      out.push([id, x, y]);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Stored rows are data from disk like any other input: checked, never cast. */
function readInfo(value: unknown): StoredDatasetInfo | undefined {
  if (!isRecord(value)) return undefined;
  const { hash, title, bytes, organizations, synthetic, savedAt } = value;
  if (
    typeof hash !== 'string' ||
    typeof title !== 'string' ||
    typeof bytes !== 'number' ||
    typeof organizations !== 'number' ||
    typeof synthetic !== 'boolean' ||
    typeof savedAt !== 'string'
  )
    return undefined;
  return { hash, title, bytes, organizations, synthetic, savedAt };
}
