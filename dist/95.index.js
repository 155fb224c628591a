export const id = 95;
export const ids = [95];
export const modules = {

/***/ 7617:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ie: () => (/* binding */ longDatastoreUri),
/* harmony export */   MQ: () => (/* binding */ blobNames),
/* harmony export */   TT: () => (/* binding */ buildContextEnvironmentVersion),
/* harmony export */   Wi: () => (/* binding */ UPLOAD_CONFIRMATION),
/* harmony export */   Wt: () => (/* binding */ pendingUploadCodeUri),
/* harmony export */   Yp: () => (/* binding */ datastoreUploadPath),
/* harmony export */   _Q: () => (/* binding */ anonymousModelName),
/* harmony export */   wK: () => (/* binding */ WORKSPACE_BLOB_STORE)
/* harmony export */ });
/* unused harmony exports ARTIFACT_ORIGIN, pyJoin */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
// The names, versions and storage paths azure-ai-ml gives local assets (docs/local-assets.md §3).
// Pure string arithmetic on hashes; no I/O.

const ARTIFACT_ORIGIN = 'LocalUpload';
/** The datastore azure-ai-ml uploads models and build contexts to unless `datastore:` names one. */
const WORKSPACE_BLOB_STORE = 'workspaceblobstore';
/** Blob metadata that marks a finished upload (azure-ai-ml `UPLOAD_CONFIRMATION`). */
const UPLOAD_CONFIRMATION = { upload_status: 'completed' };
const md5 = (s) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(s, 'utf8').digest('hex');
const sha256 = (s) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s, 'utf8').digest('hex');
/** Python `sep.join(s)`: the characters of s separated by sep. */
function pyJoin(sep, s) {
    return [...s].join(sep);
}
/** An anonymous model's name: SHA-256 of the object hash (current azure-ai-ml; 1.4.0 used MD5). */
function anonymousModelName(objectHash) {
    return sha256(objectHash);
}
/** The anonymous environment version of a build context: md5(hash), joined with md5(dockerfile path). */
function buildContextEnvironmentVersion(objectHash, dockerfilePath) {
    let s = md5(objectHash);
    if (dockerfilePath)
        s = pyJoin(s, md5(dockerfilePath));
    return md5(s);
}
/** The datastore folder of an upload: `LocalUpload/<object hash>/<name>` (blob storage client `upload`). */
function datastoreUploadPath(objectHash, name) {
    return `${ARTIFACT_ORIGIN}/${objectHash}/${name}`;
}
/** Blob names of the files, under `prefix` (a folder's files go under `<prefix>/<rel>`; a file is the prefix itself). */
function blobNames(prefix, kind, relPaths) {
    return kind === 'file' ? [prefix] : relPaths.map((r) => `${prefix}/${r}`);
}
/** `azureml://subscriptions/…/datastores/<ds>/paths/<path>` (azure-ai-ml LONG_URI_FORMAT). */
function longDatastoreUri(ws, datastore, path) {
    return `azureml://subscriptions/${ws.subscriptionId}/resourcegroups/${ws.resourceGroup}/workspaces/${ws.workspaceName}/datastores/${datastore}/paths/${path}`;
}
/**
 * The codeUri of code uploaded through startPendingUpload: the blob URI of the pending upload joined
 * with the folder name (a single file: the folder that holds it, with a trailing slash), as
 * `urljoin(blobUri, "<container>/<name>")` resolves it in azure-ai-ml.
 */
function pendingUploadCodeUri(blobUri, kind, name) {
    const base = blobUri.replace(/\/+$/, '');
    return kind === 'dir' ? `${base}/${name}` : `${base}/`;
}


/***/ }),

/***/ 9339:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Do: () => (/* binding */ assetIo),
  z3: () => (/* binding */ formatBytes),
  HN: () => (/* binding */ planLines),
  wT: () => (/* binding */ planLocalAssets)
});

// UNUSED EXPORTS: datastoreName, planWith, sizeOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/spec/rest.js
var rest = __webpack_require__(9933);
// EXTERNAL MODULE: ./node_modules/@azure/storage-blob/dist/esm/index.js + 146 modules
var esm = __webpack_require__(4326);
;// CONCATENATED MODULE: ./lib/azure/assets.js


function statusOf(error) {
    const s = error?.status ?? error?.statusCode;
    return typeof s === 'number' ? s : undefined;
}
async function orUndefinedOn404(work) {
    try {
        return await work;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return undefined;
        throw error;
    }
}
/** `…/workspaces/{ws}/{type}/{name}/versions/{version}` → name and version. */
function parseVersionId(id) {
    const m = /\/([^/]+)\/versions\/([^/]+)$/.exec(id);
    return m ? { name: decodeURIComponent(m[1] ?? ''), version: decodeURIComponent(m[2] ?? '') } : undefined;
}
function toVersion(raw) {
    const id = raw.id ?? '';
    const parsed = parseVersionId(id);
    return { id, name: parsed?.name ?? '', version: parsed?.version ?? raw.name ?? '', properties: raw.properties ?? {} };
}
const seg = encodeURIComponent;
function assetRegistry(session) {
    const ws = session.workspacePath;
    const send = (method, path, body, query) => session.arm.send({ method, path, apiVersion: rest/* ML_API_VERSION */.W8, ...(body === undefined ? {} : { body }), ...(query ? { query } : {}) });
    return {
        async findCodeByHash(hash, hashVersion) {
            // The name in the path does not narrow a hash search ("regardless of name", CodeVersions_List);
            // azure-ai-ml sends the new anonymous code's random name. Any name does.
            const res = await send('GET', `${ws}/codes/${seg(crypto.randomUUID())}/versions`, undefined, { hash, hashVersion });
            const first = res.body.value?.[0];
            return first ? toVersion(first) : undefined;
        },
        async getVersion(type, name, version) {
            const res = await orUndefinedOn404(send('GET', `${ws}/${type}/${seg(name)}/versions/${seg(version)}`));
            return res ? toVersion(res.body) : undefined;
        },
        async getContainer(type, name) {
            const res = await orUndefinedOn404(send('GET', `${ws}/${type}/${seg(name)}`));
            if (!res)
                return undefined;
            const p = res.body.properties ?? {};
            return { ...(p.latestVersion ? { latestVersion: String(p.latestVersion) } : {}), ...(p.nextVersion ? { nextVersion: String(p.nextVersion) } : {}) };
        },
        async putVersion(type, name, version, body) {
            const res = await send('PUT', `${ws}/${type}/${seg(name)}/versions/${seg(version)}`, body);
            const v = toVersion(res.body);
            return v.id ? v : { ...v, id: `${ws}/${type}/${name}/versions/${version}`, name, version };
        },
        async startPendingCodeUpload(name, version) {
            const res = await send('POST', `${ws}/codes/${seg(name)}/versions/${seg(version)}/startPendingUpload`, { pendingUploadId: crypto.randomUUID(), pendingUploadType: 'TemporaryBlobReference' });
            const ref = res.body.blobReferenceForConsumption;
            const sasUri = ref?.credential?.sasUri;
            if (!ref?.blobUri || !sasUri)
                throw new Error(`startPendingUpload for code ${name}:${version} returned no blob reference.`);
            const q = sasUri.indexOf('?');
            return { blobUri: ref.blobUri, folder: { url: (q >= 0 ? sasUri.slice(0, q) : sasUri).replace(/\/+$/, ''), auth: { kind: 'sas', query: q >= 0 ? sasUri.slice(q + 1) : '' } } };
        },
        async getDatastore(name) {
            const res = await send('GET', `${ws}/datastores/${seg(name)}`);
            const p = res.body.properties ?? {};
            if (p.datastoreType !== 'AzureBlob' || !p.accountName || !p.containerName) {
                throw new Error(`Datastore ${name} is a ${p.datastoreType ?? 'datastore of unknown type'}: local models and build contexts upload to an Azure Blob datastore only (as az ml does).`);
            }
            return { name, accountName: p.accountName, containerName: p.containerName, accountUrl: `${p.protocol ?? 'https'}://${p.accountName}.blob.${p.endpoint ?? 'core.windows.net'}` };
        },
    };
}
/** Blob names are paths: encode each segment, keep the slashes. */
function blobUrl(folder, blobName) {
    const path = blobName.split('/').map(encodeURIComponent).join('/');
    return `${folder.url}/${path}${folder.auth.kind === 'sas' && folder.auth.query ? `?${folder.auth.query}` : ''}`;
}
const DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;
function blobStore(options) {
    const pipelineOptions = { retryOptions: options.retry ?? { maxTries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 8000 } };
    // One pipeline (HTTP client, connections, token cache) for every blob, not one per file.
    const sasPipeline = (0,esm/* newPipeline */.vC)(new esm/* AnonymousCredential */.tv(), pipelineOptions);
    const tokenPipeline = (0,esm/* newPipeline */.vC)(options.credential, pipelineOptions);
    const client = (folder, blobName) => new esm/* BlockBlobClient */.wG(blobUrl(folder, blobName), folder.auth.kind === 'sas' ? sasPipeline : tokenPipeline);
    const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
    return {
        async readMetadata(folder, blobName) {
            const props = await orUndefinedOn404(client(folder, blobName).getProperties());
            return props ? { ...(props.metadata ?? {}) } : undefined;
        },
        async uploadFile(folder, blobName, absPath, { metadata, onProgress }) {
            await client(folder, blobName).uploadFile(absPath, {
                blockSize,
                maxSingleShotSize: blockSize,
                concurrency: options.blockConcurrency ?? 4,
                ...(metadata ? { metadata } : {}),
                ...(onProgress ? { onProgress: (e) => onProgress({ loadedBytes: e.loadedBytes }) } : {}),
            });
        },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/assets/ignore.js
// Which files of a local asset folder azure-ai-ml leaves out: the root folder's `.amlignore`, or
// else its `.gitignore` (never both, never a nested one), read with the gitwildmatch rules of the
// `pathspec` package that azure-ai-ml vendors (azure/ai/ml/_utils/_pathspec.py). Pure: the caller
// reads the file. See docs/local-assets.md §2.
const IGNORE_FILE_NAMES = ['.amlignore', '.gitignore'];
const NO_IGNORE_RULES = { patterns: [] };
/** Rules from the text of an ignore file: one pattern a line, blank lines and `#` comments skipped. */
function parseIgnoreFile(text, file) {
    const patterns = [];
    for (const line of text.split(/\r\n|\r|\n/)) {
        const compiled = compileGitWildMatch(line);
        if (compiled)
            patterns.push(compiled);
    }
    return file ? { file, patterns } : { patterns };
}
/**
 * Whether a path (relative to the folder, `/`-separated) is excluded. Every pattern is tried and
 * the last one that matches decides, as in the current azure-ai-ml (`IgnoreFile.is_file_excluded`);
 * 1.4.0 stopped at the first match of an unordered set, which only differs with `!` patterns.
 */
function isExcluded(rules, relPath) {
    let excluded = false;
    for (const p of rules.patterns)
        if (p.regex.test(relPath))
            excluded = p.excludes;
    return excluded;
}
const REGEX_SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);
function escapeChar(ch) {
    return REGEX_SYNTAX.has(ch) ? `\\${ch}` : ch;
}
/** GitWildMatchPattern.pattern_to_regex: undefined for blank lines, comments and a lone `/`. */
function compileGitWildMatch(line) {
    let pattern = line.trim();
    if (!pattern || pattern.startsWith('#') || pattern === '/')
        return undefined;
    let excludes = true;
    if (pattern.startsWith('!')) {
        excludes = false;
        pattern = pattern.slice(1);
    }
    const segs = pattern.split('/');
    // Collapse runs of `**` segments.
    for (let i = segs.length - 1; i > 0; i--)
        if (segs[i - 1] === '**' && segs[i] === '**')
            segs.splice(i, 1);
    let override;
    if (segs.length === 2 && segs[0] === '**' && !segs[1])
        override = '^.+(?<ps_d>/).*$';
    if (!segs[0])
        segs.shift();
    else if (segs.length === 1 || (segs.length === 2 && !segs[1])) {
        if (segs[0] !== '**')
            segs.unshift('**');
    }
    if (segs.length === 0)
        return undefined; // pathspec raises GitWildMatchPatternError; azure-ai-ml would fail the upload
    if (!segs[segs.length - 1] && segs.length > 1)
        segs[segs.length - 1] = '**';
    let source = override;
    if (source === undefined) {
        const out = ['^'];
        let needSlash = false;
        const end = segs.length - 1;
        for (let i = 0; i < segs.length; i++) {
            const seg = segs[i] ?? '';
            if (seg === '**') {
                if (i === 0 && i === end)
                    out.push('.+');
                else if (i === 0) {
                    out.push('(?:.+/)?');
                    needSlash = false;
                }
                else if (i === end)
                    out.push('(?<ps_d>/).*');
                else {
                    out.push('(?:/.+)?');
                    needSlash = true;
                }
            }
            else {
                if (needSlash)
                    out.push('/');
                if (seg === '*')
                    out.push('[^/]+');
                else {
                    const glob = translateSegmentGlob(seg);
                    if (glob === undefined)
                        return undefined;
                    out.push(glob);
                }
                if (i === end)
                    out.push('(?:(?<ps_d>/).*)?');
                needSlash = true;
            }
        }
        out.push('$');
        source = out.join('');
    }
    try {
        return { excludes, regex: new RegExp(source, 'u') };
    }
    catch {
        return undefined;
    }
}
/** GitWildMatchPattern._translate_segment_glob (fnmatch with FNM_PATHNAME). */
function translateSegmentGlob(pattern) {
    const chars = [...pattern];
    let regex = '';
    let escape = false;
    let i = 0;
    const end = chars.length;
    while (i < end) {
        const ch = chars[i] ?? '';
        i++;
        if (escape) {
            escape = false;
            regex += escapeChar(ch);
        }
        else if (ch === '\\')
            escape = true;
        else if (ch === '*')
            regex += '[^/]*';
        else if (ch === '?')
            regex += '[^/]';
        else if (ch === '[') {
            let j = i;
            if (j < end && chars[j] === '!')
                j++;
            if (j < end && chars[j] === ']')
                j++;
            while (j < end && chars[j] !== ']')
                j++;
            if (j < end) {
                j++;
                let expr = '[';
                if (chars[i] === '!') {
                    expr += '^';
                    i++;
                }
                else if (chars[i] === '^') {
                    expr += '\\^';
                    i++;
                }
                // The bracket body is copied as-is by pathspec (backslashes doubled); escape what a
                // JavaScript class would read differently.
                for (const c of chars.slice(i, j - 1))
                    expr += c === '\\' ? '\\\\' : c === '[' || c === ']' ? `\\${c}` : c;
                regex += `${expr}]`;
                i = j;
            }
            else
                regex += '\\[';
        }
        else
            regex += escapeChar(ch);
    }
    return escape ? undefined : regex;
}

;// CONCATENATED MODULE: ./lib/assets/local-folder.js
// A local asset path (model file or folder, code folder, environment build context) as azure-ai-ml
// sees it: which files it holds after the ignore file, and its two hashes (docs/local-assets.md §2):
//   - the object hash (MD5, seeded): names the upload folder LocalUpload/<hash>/ and anonymous models;
//   - the content hash (SHA-256, hash_version 202208): finds an existing code version.
// Files are read one at a time through one buffer, so memory stays flat whatever the folder's size.




const OBJECT_HASH_SEED = 'Initialize for october 2021 AML CLI version';
const CONTENT_HASH_VERSION = '202208';
/** Python's default string order (code points), not JavaScript's UTF-16 units. */
function compareCodePoints(a, b) {
    const ia = a[Symbol.iterator]();
    const ib = b[Symbol.iterator]();
    for (;;) {
        const x = ia.next();
        const y = ib.next();
        if (x.done || y.done)
            return x.done === y.done ? 0 : x.done ? -1 : 1;
        const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
        if (d !== 0)
            return d;
    }
}
function byLowerCase(key) {
    return (a, b) => compareCodePoints(key(a).toLowerCase(), key(b).toLowerCase());
}
/** The root's `.amlignore`, else its `.gitignore` (azure-ai-ml `get_ignore_file`). */
async function readIgnoreRules(dir) {
    for (const file of IGNORE_FILE_NAMES) {
        const text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, file), 'utf8').catch(() => undefined);
        if (text !== undefined)
            return parseIgnoreFile(text, file);
    }
    return NO_IGNORE_RULES;
}
async function kindOf(absPath) {
    const s = await (0,promises_.stat)(absPath).catch(() => undefined); // follows symlinks, as azure-ai-ml does
    return s?.isDirectory() ? 'dir' : s?.isFile() ? 'file' : undefined;
}
/** Walk a file or folder: the files azure-ai-ml uploads (os.walk + traverse_directory), sizes included. */
async function readLocalAsset(absPath) {
    const kind = await kindOf(absPath);
    if (!kind)
        throw new Error(`${absPath} is neither a file nor a folder.`);
    const name = (0,external_node_path_.basename)(absPath);
    if (kind === 'file') {
        const { size } = await (0,promises_.stat)(absPath);
        return { absPath, kind, name, ignore: NO_IGNORE_RULES, files: [{ absPath, relPath: name, size }], totalBytes: size };
    }
    const ignore = await readIgnoreRules(absPath);
    const files = [];
    const walk = async (dir, rel) => {
        for (const entry of await (0,promises_.readdir)(dir)) {
            const abs = (0,external_node_path_.join)(dir, entry);
            const relPath = rel ? `${rel}/${entry}` : entry;
            const k = await kindOf(abs);
            if (k === 'dir')
                await walk(abs, relPath); // folders are never pruned: each file is matched on its own
            else if (k === 'file' && !isExcluded(ignore, relPath))
                files.push({ absPath: abs, relPath, size: (await (0,promises_.stat)(abs)).size });
        }
    };
    await walk(absPath, '');
    files.sort((a, b) => compareCodePoints(a.absPath, b.absPath));
    return { absPath, kind, name, ignore, files, totalBytes: files.reduce((n, f) => n + f.size, 0) };
}
/** Feed a file to the hash through one reused buffer: memory stays the same whatever the sizes. */
async function feedFile(hash, absPath, buffer) {
    const file = await (0,promises_.open)(absPath, 'r');
    try {
        for (;;) {
            const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
            if (bytesRead === 0)
                break;
            hash.update(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await file.close();
    }
}
const READ_BUFFER_BYTES = 1 << 20;
/**
 * azure-ai-ml `get_object_hash`: MD5 seeded with a fixed phrase; for a file its content; for a
 * folder, depth first with entries sorted case-insensitively, each entry's name and, for files, the
 * content. Ignored entries (folders too) are skipped; empty folders still count by name.
 */
async function objectHash(asset) {
    const hash = (0,external_node_crypto_.createHash)('md5').update(OBJECT_HASH_SEED, 'utf8');
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    if (asset.kind === 'file') {
        await feedFile(hash, asset.absPath, buffer);
        return hash.digest('hex');
    }
    const walk = async (dir, rel) => {
        const entries = (await (0,promises_.readdir)(dir)).sort(byLowerCase((e) => e));
        for (const entry of entries) {
            const relPath = rel ? `${rel}/${entry}` : entry;
            if (isExcluded(asset.ignore, relPath))
                continue;
            hash.update(entry, 'utf8');
            const abs = (0,external_node_path_.join)(dir, entry);
            const k = await kindOf(abs);
            if (k === 'file')
                await feedFile(hash, abs, buffer);
            else if (k === 'dir')
                await walk(abs, relPath);
        }
    };
    await walk(asset.absPath, '');
    return hash.digest('hex');
}
/**
 * azure-ai-ml `get_content_hash` (hash_version 202208): SHA-256 of the file count, then `#<path>#`
 * and the size of each file (sorted by lower-cased relative path), then every file's content in the
 * same order.
 */
async function contentHash(asset) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(String(asset.files.length), 'utf8');
    const ordered = [...asset.files].sort(byLowerCase((f) => f.relPath));
    for (const f of ordered)
        hash.update(`#${f.relPath}#`, 'utf8').update(String(f.size), 'utf8');
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    for (const f of ordered)
        await feedFile(hash, f.absPath, buffer);
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./lib/assets/names.js
var names = __webpack_require__(7617);
;// CONCATENATED MODULE: ./lib/assets/plan.js
// What a run would do with the deployments' assets (docs/local-assets.md §5): for each model, code
// and environment to register, its final name, version and ARM id, which local files it uploads
// and where, and whether an identical version already exists. Read-only: validate shows it, deploy
// executes it (upload.ts). Local folders are hashed once however many deployments share them.





function assetIo(session) {
    return { registry: assetRegistry(session), blobs: blobStore({ credential: session.credential }), workspace: session };
}
const TYPE = { model: 'models', code: 'codes', environment: 'environments', data: 'data' };
/** Plan the registration of every asset the deployment requests name (validate and deploy). */
function planLocalAssets(session, requests) {
    return planWith(assetIo(session), requests);
}
async function planWith(io, requests) {
    const facts = [];
    const items = new Map();
    const locals = new Map();
    const datastores = new Map();
    const ctx = {
        io,
        facts,
        local: (absPath, which) => {
            const key = `${absPath}\0${which}`;
            let p = locals.get(key);
            if (!p) {
                p = (async () => {
                    const asset = await readLocalAsset(absPath);
                    return { asset, hash: which === 'content' ? await contentHash(asset) : await objectHash(asset) };
                })();
                locals.set(key, p);
            }
            return p;
        },
        datastore: (name) => {
            let p = datastores.get(name);
            if (!p)
                datastores.set(name, (p = io.registry.getDatastore(name)));
            return p;
        },
    };
    const targets = new Map();
    for (const request of requests) {
        for (const a of request.assets) {
            if (a.action !== 'register' || !(a.kind in TYPE))
                continue;
            const key = itemKey(a);
            const list = targets.get(key) ?? [];
            list.push({ requestPath: request.path, pointer: a.pointer });
            targets.set(key, list);
            if (!items.has(key))
                items.set(key, planItem(ctx, a));
        }
    }
    const planned = [];
    for (const [key, p] of items) {
        const item = await p;
        if (item)
            planned.push({ ...item, targets: targets.get(key) ?? [] });
    }
    facts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    return { items: planned, facts, changes: planned.some((i) => !i.exists) };
}
/** Two deployments naming the same local folder (or the same version) share one item. */
function itemKey(a) {
    const local = a.absPath ?? a.buildContext?.absPath;
    return [a.kind, a.name ?? '', a.version ?? '', local ?? '', local ? '' : JSON.stringify(a.versionBody ?? {})].join('\0');
}
async function planItem(ctx, a) {
    const body = structuredClone(a.versionBody ?? { properties: {} });
    const props = (body.properties ??= {});
    const base = { kind: a.kind, targets: [], file: a.file, span: a.span };
    switch (a.kind) {
        case 'code':
            return a.absPath ? planCode(ctx, a, a.absPath, body, base) : undefined;
        case 'model':
            return planModel(ctx, a, body, props, base);
        case 'environment':
            return planEnvironment(ctx, a, body, props, base);
        case 'data':
            return planRegistered(ctx, a, body, base, a.name ?? '', a.version ?? '1', `data ${a.name ?? ''}:${a.version ?? '1'}`);
    }
}
/** Record what the local path holds; true when nothing is left to upload (the check reports it). */
function emptyFolder(ctx, a, local, kind, localPath) {
    ctx.facts.push({
        kind, file: a.file, line: a.span.line, column: a.span.column, endLine: a.span.endLine, endColumn: a.span.endColumn,
        localPath, files: local.files.length, bytes: local.totalBytes, ...(local.ignore.file ? { ignoreFile: local.ignore.file } : {}),
    });
    return local.files.length === 0;
}
async function planCode(ctx, a, absPath, body, base) {
    const { asset, hash } = await ctx.local(absPath, 'content');
    if (emptyFolder(ctx, a, asset, 'code', a.localPath ?? absPath))
        return undefined;
    const props = body.properties;
    props.properties = { ...props.properties, hash_sha256: hash, hash_version: CONTENT_HASH_VERSION };
    const existing = await ctx.io.registry.findCodeByHash(hash, CONTENT_HASH_VERSION);
    const from = a.localPath ?? absPath;
    if (existing) {
        return { ...base, name: existing.name, version: existing.version, anonymous: true, id: existing.id, exists: true, versionBody: body, description: `code from ${from}: an identical version already exists (${existing.name}:${existing.version}); nothing to upload` };
    }
    const name = (0,external_node_crypto_.randomUUID)();
    const blobs = (0,names/* blobNames */.MQ)(asset.name, asset.kind, asset.files.map((f) => f.relPath));
    return {
        ...base, name, version: '1', anonymous: true, id: `${ctx.io.workspace.workspacePath}/codes/${name}/versions/1`, exists: false, versionBody: body,
        upload: { local: asset, target: { kind: 'pending-upload' }, blobs },
        description: `code from ${from}: would upload ${sizeOf(asset)} and register a new anonymous code version`,
    };
}
async function planModel(ctx, a, body, props, base) {
    let upload;
    let name = a.name;
    if (a.absPath) {
        const { asset, hash } = await ctx.local(a.absPath, 'object');
        if (emptyFolder(ctx, a, asset, 'model', a.localPath ?? a.absPath))
            return undefined;
        const dsName = datastoreName(a.datastore);
        const path = (0,names/* datastoreUploadPath */.Yp)(hash, asset.name);
        props.modelUri = (0,names/* longDatastoreUri */.Ie)(ctx.io.workspace, dsName, path);
        upload = await datastoreUpload(ctx, asset, dsName, path);
        name ??= (0,names/* anonymousModelName */._Q)(hash);
    }
    name ??= (0,external_node_crypto_.randomUUID)();
    const label = (v) => `model ${a.name ?? `${name.slice(0, 12)}… (anonymous)`}:${v}${a.localPath ? ` from ${a.localPath}` : ''}`;
    return planVersioned(ctx, a, body, base, name, a.anonymous ? '1' : a.version, label, upload, (existing) => existing.properties.modelUri === props.modelUri);
}
async function planEnvironment(ctx, a, body, props, base) {
    let upload;
    let version = a.version;
    const name = a.name ?? rest/* ANONYMOUS_ENV_NAME */.UJ;
    if (a.buildContext?.absPath) {
        const { asset, hash } = await ctx.local(a.buildContext.absPath, 'object');
        if (emptyFolder(ctx, a, asset, 'environment', a.buildContext.localPath))
            return undefined;
        const dsName = datastoreName(a.datastore);
        const path = (0,names/* datastoreUploadPath */.Yp)(hash, asset.name);
        upload = await datastoreUpload(ctx, asset, dsName, path);
        const build = (props.build ??= {});
        build.contextUri = `${upload.target.kind === 'datastore' ? upload.target.folder.url : ''}/`;
        if (a.anonymous)
            version = (0,names/* buildContextEnvironmentVersion */.TT)(hash, a.buildContext.dockerfilePath);
    }
    const same = (existing) => ['image', 'condaFile', 'inferenceConfig', 'osType'].every((k) => JSON.stringify(existing.properties[k]) === JSON.stringify(props[k])) &&
        JSON.stringify(existing.properties.build?.contextUri) === JSON.stringify(props.build?.contextUri);
    const label = (v) => `environment ${name}:${v}${a.buildContext ? ` built from ${a.buildContext.localPath}` : a.localPath ? ` with ${a.localPath}` : ''}`;
    return planVersioned(ctx, a, body, base, name, version, label, upload, same);
}
/** `datastore:` may be a name, `azureml:<name>` or an ARM id (azure-ai-ml `_get_datastore_name`). */
function datastoreName(value) {
    if (!value)
        return names/* WORKSPACE_BLOB_STORE */.wK;
    const bare = value.startsWith('azureml:') ? value.slice('azureml:'.length) : value;
    return bare.split('/').filter(Boolean).at(-1) ?? names/* WORKSPACE_BLOB_STORE */.wK;
}
async function datastoreUpload(ctx, asset, dsName, path) {
    const datastore = await ctx.datastore(dsName);
    const folder = { url: `${datastore.accountUrl}/${datastore.containerName}/${path.split('/').map(encodeURIComponent).join('/')}`, auth: { kind: 'token' } };
    // Blob names relative to the folder: for a single file, the folder is LocalUpload/<hash> and the blob its name.
    const blobs = asset.kind === 'file' ? [asset.name] : asset.files.map((f) => f.relPath);
    if (asset.kind === 'file')
        folder.url = folder.url.slice(0, folder.url.lastIndexOf('/'));
    let alreadyUploaded;
    try {
        const meta = await ctx.io.blobs.readMetadata(folder, blobs[0] ?? '');
        alreadyUploaded = meta?.upload_status === names/* UPLOAD_CONFIRMATION */.Wi.upload_status;
    }
    catch {
        alreadyUploaded = undefined; // no read access to the blob: the upload will tell
    }
    return { local: asset, target: { kind: 'datastore', datastore, path, folder }, blobs, ...(alreadyUploaded === undefined ? {} : { alreadyUploaded }) };
}
/**
 * Name and version known (or the next one of a named asset): an existing version that matches is
 * reused; a named asset without a version reuses its latest version when that one matches, as a
 * re-run should create nothing new, and otherwise takes the container's next version.
 */
async function planVersioned(ctx, a, body, base, name, version, label, upload, matches) {
    const type = TYPE[base.kind];
    let resolved = version;
    let exists = false;
    if (resolved !== undefined) {
        const existing = await ctx.io.registry.getVersion(type, name, resolved);
        exists = existing !== undefined && matches(existing);
    }
    else {
        const container = await ctx.io.registry.getContainer(type, name);
        const latest = container?.latestVersion ? await ctx.io.registry.getVersion(type, name, container.latestVersion) : undefined;
        if (latest && matches(latest)) {
            resolved = latest.version || container?.latestVersion;
            exists = true;
        }
        else
            resolved = container?.nextVersion ?? '1';
    }
    const v = resolved ?? '1';
    const uploadText = upload && !upload.alreadyUploaded ? `would upload ${sizeOf(upload.local)}, then ` : upload ? 'files already uploaded; ' : '';
    const description = exists ? `${label(v)}: an identical version already exists; nothing to upload or register` : `${label(v)}: ${uploadText}would register it`;
    return { ...base, name, version: v, anonymous: a.anonymous ?? false, id: `${ctx.io.workspace.workspacePath}/${type}/${name}/versions/${v}`, exists, versionBody: body, ...(upload ? { upload } : {}), description };
}
function planRegistered(ctx, a, body, base, name, version, what) {
    const same = (existing) => JSON.stringify(existing.properties.dataUri) === JSON.stringify(body.properties.dataUri);
    return planVersioned(ctx, a, body, base, name, version, () => what, undefined, same);
}
function sizeOf(asset) {
    return `${asset.files.length} file${asset.files.length === 1 ? '' : 's'}, ${formatBytes(asset.totalBytes)}`;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
/** The plan's asset lines, as Plan.assets holds them. */
function planLines(plan) {
    return plan.items.map((i) => ({ kind: i.kind, description: `${i.description} (${i.file}:${i.span.line})` }));
}


/***/ }),

/***/ 9649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dW: () => (/* binding */ ArmError),
/* harmony export */   ih: () => (/* binding */ createResourceClient),
/* harmony export */   kd: () => (/* binding */ armClientOver)
/* harmony export */ });
/* unused harmony export armUrl */
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(373);

/** A non-2xx answer (or a request that failed after the pipeline's retries; then status is 0). */
class ArmError extends Error {
    status;
    /** ARM or data-plane error code, e.g. `AuthorizationFailed`, `ResourceNotFound`, `SecretNotFound`. */
    code;
    /** Key Vault's `innererror.code`, e.g. `ForbiddenByRbac`. */
    innerCode;
    method;
    /** The URL path (no host, no query): safe to print. */
    path;
    constructor(init) {
        super(init.message);
        this.name = 'ArmError';
        this.status = init.status;
        this.code = init.code;
        this.innerCode = init.innerCode;
        this.method = init.method;
        this.path = init.path;
    }
}
const USER_AGENT = 'azureml-online-deploy';
/** A pipeline that signs every request with a token for `scope` (e.g. `https://management.azure.com/.default`). */
function createResourceClient(credential, scope, settings = {}) {
    const pipeline = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createPipelineFromOptions */ .Fp)({
        retryOptions: { maxRetries: settings.maxRetries ?? 3, retryDelayInMs: settings.retryDelayInMs ?? 800 },
        userAgentOptions: { userAgentPrefix: USER_AGENT },
    });
    // The Sign phase runs inside the retry policy: each attempt carries a current token.
    pipeline.addPolicy((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .bearerTokenAuthenticationPolicy */ .N$)({ credential, scopes: scope }), { phase: 'Sign' });
    const httpClient = settings.httpClient ?? (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createDefaultHttpClient */ .fl)();
    return {
        async sendUrl(method, url, body) {
            const request = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createPipelineRequest */ .G6)({ url, method });
            request.headers.set('accept', 'application/json');
            if (body !== undefined) {
                request.headers.set('content-type', 'application/json');
                request.body = JSON.stringify(body);
            }
            const path = urlPath(url);
            if (settings.stats)
                settings.stats.requests++;
            let response;
            try {
                response = await pipeline.sendRequest(httpClient, request);
            }
            catch (error) {
                if ((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .isRestError */ .T0)(error) && error.statusCode === undefined) {
                    throw new ArmError({ status: 0, code: error.code ?? 'RequestFailed', message: `${method} ${path} failed: ${error.message}`, method, path });
                }
                throw error;
            }
            const headers = response.headers.toJSON({ preserveCase: false });
            const parsed = parseJson(response.bodyAsText ?? undefined);
            if (response.status < 200 || response.status > 299)
                throw armError(response.status, parsed, method, path);
            return { status: response.status, headers, body: parsed };
        },
    };
}
/** ARM on top of a resource client: `path` + `api-version` + query → URL. */
function armClientOver(client, resourceManager) {
    return {
        send(req) {
            return client.sendUrl(req.method, armUrl(resourceManager, req), req.body);
        },
    };
}
function armUrl(resourceManager, req) {
    if (/^https:\/\//i.test(req.path))
        return req.path; // nextLink / operation URL: used verbatim
    const query = new URLSearchParams({ 'api-version': req.apiVersion, ...(req.query ?? {}) });
    // ARM paths never need `+` for spaces; keep %20 so $filter reads as the service documents it.
    return `${resourceManager}${req.path.startsWith('/') ? '' : '/'}${req.path}?${query.toString().replace(/\+/g, '%20')}`;
}
function urlPath(url) {
    const withoutQuery = url.split('?')[0] ?? url;
    return withoutQuery.replace(/^https:\/\/[^/]+/i, '') || '/';
}
function parseJson(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function armError(status, body, method, path) {
    const error = typeof body === 'object' && body !== null ? body.error : undefined;
    const code = error?.code ?? `Http${status}`;
    const message = error?.message ?? (typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${status}`);
    return new ArmError({ status, code, message: `${method} ${path}: ${status} ${code}: ${message}`, innerCode: error?.innererror?.code, method, path });
}


/***/ }),

/***/ 7076:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dW: () => (/* reexport */ rest/* ArmError */.dW),
  Jv: () => (/* binding */ signIn)
});

// UNUSED EXPORTS: SignInError

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 167 modules
var esm = __webpack_require__(483);
;// CONCATENATED MODULE: ./lib/azure/credential.js
// Sign-in: which credential the action uses, and failures explained so a user can fix them
// (docs/sign-in.md). With GitHub OIDC, a client-assertion credential asks GitHub for a fresh ID
// token every time Entra needs one: the GitHub token lives minutes, a deployment may take longer,
// and a cached one would meet AADSTS700024 half-way through.


/** A sign-in that cannot go on, with what to change. Thrown to the failure funnel. */
class SignInError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SignInError';
    }
}
const NO_OIDC = 'GitHub gave this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Add `permissions: id-token: write` to the job ' +
    '(and keep `contents: read`). Pull requests from forks never get an OIDC token: run `mode: lint` there, which needs no Azure access.';
function oidcAvailable(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/** GitHub OIDC when the job has it and the app is named; the environment / Azure CLI chain otherwise. */
async function chooseCredential(settings, env = process.env) {
    const { tenantId, clientId, cloud, audience } = settings;
    if (tenantId && clientId && oidcAvailable(env)) {
        let first;
        try {
            first = await core.getIDToken(audience);
        }
        catch (error) {
            throw new SignInError(`Could not get a GitHub OIDC token for audience '${audience}': ${messageOf(error)}. ${NO_OIDC}`);
        }
        const idTokenClaims = decodeJwtClaims(first);
        // Never cache the GitHub token: Entra calls this each time it needs a new assertion.
        const credential = new esm/* ClientAssertionCredential */.XI(tenantId, clientId, () => core.getIDToken(audience), { authorityHost: cloud.authorityHost });
        return { method: 'github-oidc', credential, idTokenClaims };
    }
    const chain = new esm/* ChainedTokenCredential */.Rk(new esm/* EnvironmentCredential */.lp({ authorityHost: cloud.authorityHost }), new esm/* AzureCliCredential */.nG(tenantId ? { tenantId } : {}));
    return { method: 'environment-or-cli', credential: chain };
}
/** Asks for the first token, turning Entra's refusals into what to change. */
async function firstToken(chosen, scope, settings, env = process.env) {
    try {
        const token = await chosen.credential.getToken(scope);
        if (!token)
            throw new Error('the credential returned no token');
        return token;
    }
    catch (error) {
        throw new SignInError(explainSignInFailure(messageOf(error), chosen, settings, env));
    }
}
/** Pure: an Entra / credential error message → a sentence a user can act on. Exported for tests. */
function explainSignInFailure(message, chosen, settings, env = {}) {
    const code = /AADSTS(\d+)/.exec(message)?.[1];
    const claims = chosen.idTokenClaims;
    const subject = claims?.sub ?? '(unknown)';
    const presented = `The GitHub token presented issuer '${claims?.iss ?? '?'}', subject '${subject}', audience '${formatAudience(claims?.aud)}'.`;
    const app = `app (client id ${settings.clientId ?? '?'}) in tenant ${settings.tenantId ?? '?'}`;
    if (chosen.method === 'github-oidc') {
        switch (code) {
            case '7002138':
                return (`Sign-in refused (AADSTS7002138): the federated credential's subject differs from '${subject}' only in letter case, and Entra compares subjects case-sensitively. ` +
                    `Edit the subject of the federated credential on the ${app} to exactly '${subject}'.`);
            case '700213':
            case '70021':
                return (`Sign-in refused (AADSTS${code}): no federated credential of the ${app} matches the GitHub token. ${presented} ` +
                    `Add a federated credential with exactly this subject (Entra compares it case-sensitively: check the letter case of the organization, repository, branch and environment), ` +
                    `issuer https://token.actions.githubusercontent.com and audience ${settings.audience}. ` +
                    `The subject names the environment when the job uses one (repo:OWNER/REPO:environment:NAME), otherwise the branch, tag or pull_request.`);
            case '700211':
                return `Sign-in refused (AADSTS700211): no federated credential of the ${app} has the issuer of the GitHub token. ${presented} The issuer must be exactly https://token.actions.githubusercontent.com (no trailing slash).`;
            case '700212':
                return (`Sign-in refused (AADSTS700212): the federated credential's audience differs from the token's. ${presented} ` +
                    `Use audience ${settings.cloud.defaultAudience} on the federated credential (the default for ${settings.cloud.name}), or set the action's \`audience\` input to the credential's audience.`);
            case '700024':
                return (`Sign-in refused (AADSTS700024): the GitHub token was outside its valid time range when Entra checked it (expired or not yet valid). ` +
                    `The action asks GitHub for a fresh token each time; check the runner's clock, and that no earlier step replaces ACTIONS_ID_TOKEN_REQUEST_URL.`);
            case '700016':
                return `Sign-in refused (AADSTS700016): no application with client id ${settings.clientId ?? '?'} exists in tenant ${settings.tenantId ?? '?'}. Check the client-id and tenant-id inputs (the app registration's Application (client) ID and Directory (tenant) ID).`;
            case '90002':
                return `Sign-in refused (AADSTS90002): tenant ${settings.tenantId ?? '?'} does not exist in ${settings.cloud.name}. Check the tenant-id and environment inputs.`;
        }
        return `Sign-in with GitHub OIDC failed for the ${app}: ${firstLine(message)} ${presented}`;
    }
    const named = settings.tenantId && settings.clientId;
    const why = named
        ? `client-id and tenant-id are set, but ${NO_OIDC.charAt(0).toLowerCase()}${NO_OIDC.slice(1)}`
        : oidcAvailable(env)
            ? 'GitHub OIDC is available, but client-id and tenant-id are not set (inputs, or AZURE_CLIENT_ID / AZURE_TENANT_ID).'
            : `Set client-id and tenant-id to sign in with GitHub OIDC (${NO_OIDC})`;
    return `No Azure credential: ${why} Without OIDC the action uses the environment (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_CLIENT_SECRET) or the Azure CLI (after azure/login), and neither signed in: ${firstLine(message)}`;
}
/** The payload of a JWT as an object; undefined when it is not one. Never prints the token. */
function decodeJwtClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function formatAudience(aud) {
    return Array.isArray(aud) ? aud.join(', ') : (aud ?? '?');
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function firstLine(text) {
    // Entra's descriptions end with trace/correlation ids and timestamps: noise for a user.
    return (text.split('\n').find((l) => l.trim()) ?? text).replace(/\s*Trace ID:.*$/, '').trim();
}

// EXTERNAL MODULE: ./lib/azure/rest.js
var rest = __webpack_require__(9649);
;// CONCATENATED MODULE: ./lib/azure/session.js
// The Azure session every online mode starts with: sign in once (src/azure/credential.ts), then
// one ARM client over the Azure SDK pipeline (auth, retries honouring Retry-After, proxy) and the
// workspace it targets. Adapters (src/azure/*.ts) take a session; nothing else builds URLs.





async function signIn(inputs, settings = {}) {
    const missing = ['subscription-id', 'resource-group', 'workspace-name'].filter((name) => !workspaceInput(inputs, name));
    if (missing.length > 0) {
        throw new SignInError(`${missing.join(', ')}: required to read the workspace (validate and deploy); lint needs none of them.`);
    }
    const signInSettings = { tenantId: inputs.tenantId, clientId: inputs.clientId, cloud: inputs.cloud, audience: inputs.audience };
    const chosen = await chooseCredential(signInSettings);
    if (chosen.idTokenClaims) {
        const c = chosen.idTokenClaims;
        core.info(`GitHub OIDC token: issuer ${c.iss ?? '?'}, subject ${c.sub ?? '?'}, audience ${formatAudience(c.aud)}`);
    }
    const armScope = `${inputs.cloud.resourceManager}/.default`;
    const token = await firstToken(chosen, armScope, signInSettings);
    const claims = decodeJwtClaims(token.token) ?? {};
    const tenantId = stringClaim(claims.tid) ?? inputs.tenantId ?? '';
    const caller = { objectId: stringClaim(claims.oid), tenantId, clientId: stringClaim(claims.appid) ?? stringClaim(claims.azp) ?? inputs.clientId };
    core.info(`Signed in to ${inputs.cloud.name} with ${chosen.method === 'github-oidc' ? 'GitHub OIDC' : 'the environment / Azure CLI credential'}` +
        `${caller.objectId ? ` as object id ${caller.objectId}` : ''} in tenant ${tenantId || '?'}.`);
    const stats = settings.stats ?? { requests: 0 };
    const pipeline = { ...settings, stats };
    const subscriptionId = inputs.subscriptionId;
    const resourceGroup = inputs.resourceGroup;
    const workspaceName = inputs.workspaceName;
    return {
        cloud: inputs.cloud,
        credential: chosen.credential,
        arm: (0,rest/* armClientOver */.kd)((0,rest/* createResourceClient */.ih)(chosen.credential, armScope, pipeline), inputs.cloud.resourceManager),
        keyVault: (0,rest/* createResourceClient */.ih)(chosen.credential, `${inputs.cloud.keyVaultResource}/.default`, pipeline),
        subscriptionId,
        resourceGroup,
        workspaceName,
        workspacePath: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${workspaceName}`,
        caller,
        method: chosen.method,
        stats,
    };
}
function workspaceInput(inputs, name) {
    return name === 'subscription-id' ? inputs.subscriptionId : name === 'resource-group' ? inputs.resourceGroup : inputs.workspaceName;
}
function stringClaim(value) {
    return typeof value === 'string' && value ? value : undefined;
}


/***/ }),

/***/ 5229:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ endpointPosition),
/* harmony export */   at: () => (/* binding */ at),
/* harmony export */   d5: () => (/* binding */ lookupCI),
/* harmony export */   qH: () => (/* binding */ defineCheck),
/* harmony export */   uT: () => (/* binding */ firstPerFile)
/* harmony export */ });
/** A check from its evaluation: `run` is the findings of `evaluate`. */
function defineCheck(name, rules, evaluate) {
    const full = (ctx) => ({ findings: [], verdicts: [], identityPlan: [], grants: [], ...evaluate(ctx) });
    return { name, rules, run: (ctx) => full(ctx).findings, evaluate: full };
}
/** A finding position from a spec span. */
function at(file, span) {
    return { file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}
/** Where an endpoint-level finding goes: the span asked for, else the endpoint's name, else the first deployment's endpoint_name. */
function endpointPosition(ctx, pick) {
    if (ctx.endpoint) {
        const span = pick(ctx.endpoint.spans) ?? ctx.endpoint.spans.name;
        if (span)
            return at(ctx.endpoint.file, span);
        return { file: ctx.endpoint.file, line: 1, column: 1 };
    }
    const d = ctx.deployments[0];
    if (d)
        return at(d.file, d.spans.endpointName ?? d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 });
    return { file: '', line: 1, column: 1 };
}
/** Case-insensitive lookup in a record keyed by names, hosts or ARM ids. */
function lookupCI(record, key) {
    if (key in record)
        return record[key];
    const low = key.toLowerCase();
    for (const [k, v] of Object.entries(record))
        if (k.toLowerCase() === low)
            return v;
    return undefined;
}
/** The references, one per (file, store) pair: findings about a store go on its first reference in each file. */
function firstPerFile(refs, storeOf) {
    const seen = new Set();
    return refs.filter((r) => {
        const key = `${r.range.file}\u0000${storeOf(r).toLowerCase()}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}


/***/ }),

/***/ 7998:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ emptyLocalAssets),
/* harmony export */   t: () => (/* binding */ localAssetsCheck)
/* harmony export */ });
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6939);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5229);
// Local model, code and build-context folders have something to upload once their ignore file is
// applied: az ml refuses an empty folder (EmptyDirectoryError), so the deployment would never start
// (docs/local-assets.md §2). The facts come from the asset plan (src/assets/plan.ts).


const WHAT = { model: 'The model folder', code: 'The code folder', environment: 'The build context' };
/** One finding per local path with nothing to upload (deploy calls it too, before any write). */
function emptyLocalAssets(localAssets) {
    return localAssets
        .filter((a) => a.files === 0)
        .map((a) => (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('local-asset-empty', { file: a.file, line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn }, `${WHAT[a.kind]} '${a.localPath}' has no file to upload${a.ignoreFile ? ` once its ${a.ignoreFile} is applied` : ''}: az ml refuses an empty folder.`));
}
const localAssetsCheck = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheck */ .qH)('local-assets', ['local-asset-empty'], (ctx) => ({ findings: emptyLocalAssets(ctx.facts.localAssets ?? []) }));


/***/ })

};
