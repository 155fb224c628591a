export const id = 609;
export const ids = [609];
export const modules = {

/***/ 9537:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TS: () => (/* binding */ traceTags),
/* harmony export */   a$: () => (/* binding */ isTraceTag),
/* harmony export */   bK: () => (/* binding */ withTraceTags)
/* harmony export */ });
/* unused harmony export TRACE_TAG_PREFIX */
// Pure: traceability tags on the endpoint and the deployment (docs/rollout.md §1), so that anyone
// looking at them in Azure finds the repository, commit, workflow and run that deployed them.
// They are ignored when deciding whether anything changed: a re-run of the same inputs stays a
// no-op, and the tags keep naming the run that made the change. `skip-default-tags: true` turns them
// off (the file's own `tags:` are still sent), like deploy-cloudrun's `skip_default_labels`.
const TRACE_TAG_PREFIX = 'github.';
/** From the runner's default variables (https://docs.github.com/actions/reference/variables-reference). */
function traceTags(env, options = {}) {
    if (options.skip)
        return {};
    const tags = { 'deployed-by': 'azureml-online-deploy' };
    const set = (key, value) => {
        if (value)
            tags[`${TRACE_TAG_PREFIX}${key}`] = value.slice(0, 256);
    };
    set('repository', env.GITHUB_REPOSITORY);
    set('commit', env.GITHUB_SHA);
    set('workflow', env.GITHUB_WORKFLOW_REF ?? env.GITHUB_WORKFLOW);
    if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        set('run', `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`);
    }
    return tags;
}
function isTraceTag(key) {
    return key === 'deployed-by' || key.startsWith(TRACE_TAG_PREFIX);
}
/** The body with the trace tags added to its `tags` (the file's own tags win on a clash); no tags: the body as it is. */
function withTraceTags(body, tags) {
    if (Object.keys(tags).length === 0)
        return body;
    const own = (body.tags ?? {});
    return { ...body, tags: { ...tags, ...own } };
}


/***/ }),

/***/ 9655:
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

/***/ 2880:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Do: () => (/* binding */ assetIo),
  z3: () => (/* binding */ formatBytes),
  HN: () => (/* binding */ planLines),
  wT: () => (/* binding */ planLocalAssets)
});

// UNUSED EXPORTS: datastoreName, planWith, sameEnvironmentFields, sameModelUri, sizeOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../main/node_modules/yaml/dist/index.js
var dist = __webpack_require__(3439);
// EXTERNAL MODULE: ./lib/manifests/rest.js
var rest = __webpack_require__(2324);
// EXTERNAL MODULE: ./lib/azure/assets.js
var assets = __webpack_require__(2144);
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
var names = __webpack_require__(9655);
;// CONCATENATED MODULE: ./lib/assets/plan.js
// What a run would do with the deployments' assets (docs/local-assets.md §5): for each model, code
// and environment to register, its final name, version and ARM id, which local files it uploads
// and where, and whether an identical version already exists. Read-only: validate shows it, deploy
// executes it (upload.ts). Local folders are hashed once however many deployments share them.






function assetIo(session) {
    return { registry: (0,assets/* assetRegistry */.yc)(session), blobs: (0,assets/* blobStore */.Rb)({ credential: session.credential }), workspace: session };
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
    return planVersioned(ctx, a, body, base, name, a.anonymous ? '1' : a.version, label, upload, (existing) => sameModelUri(existing.properties.modelUri, props.modelUri));
}
/**
 * Asset versions as Azure stores them (recorded, test/fixtures/recorded/ml-assets.json): the `resourcegroups` segment of a
 * model's `azureml://` URI capitalised. The segment names compare without case, as ARM ids do.
 */
function sameModelUri(stored, sent) {
    if (typeof stored !== 'string' || typeof sent !== 'string')
        return stored === sent;
    const norm = (u) => u.replace(/\/resourcegroups\//i, '/resourceGroups/').replace(/^azureml:\/\/subscriptions\//i, 'azureml://subscriptions/');
    return norm(stored) === norm(sent);
}
/** A conda file's content, whatever its text form: Azure stores the YAML sent as JSON text (recorded), so parse both. */
function condaValue(v) {
    if (typeof v !== 'string')
        return v;
    try {
        return (0,dist/* parse */.qg)(v);
    }
    catch {
        return v;
    }
}
/**
 * Whether an environment version holds what the file asks for, the way the service normalises it (recorded): `condaFile`
 * compared as parsed content; `osType` defaults to Linux when absent; `image` and `inferenceConfig` as sent.
 */
function sameEnvironmentFields(stored, sent) {
    const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    return eq(stored.image, sent.image) && eq(stored.inferenceConfig, sent.inferenceConfig) &&
        eq(condaValue(stored.condaFile), condaValue(sent.condaFile)) && (stored.osType ?? 'Linux') === (sent.osType ?? 'Linux');
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
    const same = (existing) => sameEnvironmentFields(existing.properties, props) &&
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

/***/ 6658:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OW: () => (/* binding */ setPointer),
/* harmony export */   YO: () => (/* binding */ uploadLocalAssets),
/* harmony export */   cr: () => (/* binding */ AssetUploadError),
/* harmony export */   vc: () => (/* binding */ withAssetIds)
/* harmony export */ });
/* unused harmony exports uploadWith, limiter */
/* harmony import */ var _azure_assets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2144);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2880);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9655);
// Deploy's side of the asset plan (docs/local-assets.md §6): upload what is not there yet and
// register each version, then hand back the ids the deployment bodies carry. Files are streamed
// (several at once, large ones in parallel blocks, each request retried by the storage pipeline);
// the indicator file goes last with the completion metadata, so an interrupted upload is never
// taken for a finished one. Progress (files and bytes) is logged as it goes; run it inside the
// deploy phase's log group.



const TYPE = { model: 'models', code: 'codes', environment: 'environments', data: 'data' };
function uploadLocalAssets(session, plan, options = {}) {
    return uploadWith((0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .assetIo */ .Do)(session), plan, options);
}
/** An upload or registration failed; `partial` says what had been written before. */
class AssetUploadError extends Error {
    partial;
    constructor(cause, partial) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.name = 'AssetUploadError';
        this.partial = partial;
    }
}
async function uploadWith(io, plan, options = {}) {
    const log = options.log ?? (() => undefined);
    const progress = new Progress(plan, log, options.progressEveryMs ?? 2000);
    const limit = limiter(options.fileConcurrency ?? 8);
    const result = { items: [], uploadedFiles: 0, uploadedBytes: 0, registered: [] };
    const settle = () => ({ ...result, uploadedFiles: progress.files, uploadedBytes: progress.bytes });
    // Assets are independent: upload and register them at once, sharing the file limit.
    try {
        await Promise.all(plan.items.map(async (item) => {
            if (item.exists) {
                result.items.push({ kind: item.kind, id: item.id, created: false });
                return;
            }
            const body = structuredClone(item.versionBody);
            if (item.upload)
                await uploadFiles(io, item, body, limit, progress);
            const version = await io.registry.putVersion(TYPE[item.kind], item.name, item.version, body);
            log(`Registered ${item.kind} ${item.name}:${item.version}.`);
            result.items.push({ kind: item.kind, id: version.id || item.id, created: true });
            result.registered.push(version.id || item.id);
        }));
    }
    catch (error) {
        throw new AssetUploadError(error, settle());
    }
    progress.finish();
    return settle();
}
async function uploadFiles(io, item, body, limit, progress) {
    const upload = item.upload;
    if (!upload)
        return;
    let folder;
    if (upload.target.kind === 'pending-upload') {
        const pending = await io.registry.startPendingCodeUpload(item.name, item.version);
        folder = pending.folder;
        body.properties.codeUri = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .pendingUploadCodeUri */ .Wt)(pending.blobUri, upload.local.kind, upload.local.name);
    }
    else {
        folder = upload.target.folder;
        // Another run may have finished the same upload since the plan was made.
        if (upload.alreadyUploaded || (await isComplete(io, folder, upload.blobs[0] ?? ''))) {
            progress.skipped(item, upload.local.files.length, upload.local.totalBytes);
            return;
        }
    }
    try {
        await sendFiles(io, item, folder, limit, progress);
    }
    catch (error) {
        // az ml uploads with an AccountKey datastore's key; the action prefers the workflow identity's
        // token and falls back to the key, the same way, when storage refuses the token.
        const target = upload.target;
        if (!(target.kind === 'datastore' && folder.auth.kind === 'token' && target.datastore.credentialsType === 'AccountKey' && (0,_azure_assets_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 403))
            throw error;
        progress.note(`${item.kind} ${item.name}:${item.version}: the storage refused the workflow identity's token (no Storage Blob Data Contributor); uploading with datastore ${target.datastore.name}'s account key, as az ml does.`);
        const key = await io.registry.datastoreAccountKey(target.datastore.name);
        await sendFiles(io, item, { url: folder.url, auth: { kind: 'sharedKey', accountName: target.datastore.accountName, key } }, limit, progress);
    }
}
async function sendFiles(io, item, folder, limit, progress) {
    const upload = item.upload;
    if (!upload)
        return;
    const files = upload.local.files.map((f, i) => ({ file: f, blob: upload.blobs[i] ?? f.relPath }));
    const [indicator, ...rest] = files;
    const send = (f, metadata) => limit(async () => {
        let sent = 0;
        await io.blobs.uploadFile(folder, f.blob, f.file.absPath, {
            ...(metadata ? { metadata } : {}),
            onProgress: (p) => {
                progress.bytesSent(p.loadedBytes - sent);
                sent = p.loadedBytes;
            },
        });
        progress.bytesSent(f.file.size - sent);
        progress.fileDone();
    });
    // A few workers pull files in turn (no promise per file of a large folder); the limiter caps the
    // files in flight across every asset.
    let next = 0;
    const worker = async () => {
        while (next < rest.length) {
            const f = rest[next++];
            if (f)
                await send(f);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit.size, rest.length) }, worker));
    if (indicator)
        await send(indicator, { ..._names_js__WEBPACK_IMPORTED_MODULE_2__/* .UPLOAD_CONFIRMATION */ .Wi, name: item.name, version: item.version });
}
async function isComplete(io, folder, blob) {
    const meta = await io.blobs.readMetadata(folder, blob).catch(() => undefined);
    return meta?.upload_status === _names_js__WEBPACK_IMPORTED_MODULE_2__/* .UPLOAD_CONFIRMATION */ .Wi.upload_status;
}
/** At most `n` tasks at once, started in the order they were asked for. */
function limiter(n) {
    let active = 0;
    const queue = [];
    const next = () => {
        if (active >= n)
            return;
        const start = queue.shift();
        if (start) {
            active++;
            start();
        }
    };
    const run = (work) => new Promise((resolve, reject) => {
        queue.push(() => {
            work().then(resolve, reject).finally(() => {
                active--;
                next();
            });
        });
        next();
    });
    return Object.assign(run, { size: n });
}
/** Files and bytes sent so far against the plan's totals, logged at most every `everyMs`. */
class Progress {
    files = 0;
    bytes = 0;
    totalFiles;
    totalBytes;
    last = 0;
    log;
    everyMs;
    constructor(plan, log, everyMs) {
        this.log = log;
        this.everyMs = everyMs;
        const uploads = plan.items.filter((i) => !i.exists && i.upload && !i.upload.alreadyUploaded).map((i) => i.upload?.local);
        this.totalFiles = uploads.reduce((n, l) => n + (l?.files.length ?? 0), 0);
        this.totalBytes = uploads.reduce((n, l) => n + (l?.totalBytes ?? 0), 0);
        if (this.totalFiles > 0)
            log(`Uploading ${this.totalFiles} file(s), ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(this.totalBytes)}.`);
    }
    note(line) {
        this.log(line);
    }
    skipped(item, files, bytes) {
        this.log(`${item.kind} ${item.name}:${item.version}: the files are already uploaded (${files} file(s), ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(bytes)}); nothing sent.`);
    }
    bytesSent(n) {
        this.bytes += n;
        this.tick();
    }
    fileDone() {
        this.files++;
        this.tick();
    }
    tick() {
        const now = Date.now();
        if (now - this.last < this.everyMs)
            return;
        this.last = now;
        this.log(`  ${this.files}/${this.totalFiles} files, ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(this.bytes)} of ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(this.totalBytes)}`);
    }
    finish() {
        if (this.totalFiles > 0)
            this.log(`Uploaded ${this.files} file(s), ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(this.bytes)}.`);
    }
}
/**
 * The deployment body with every planned asset's id at its pointer (the offline body holds
 * `{{pending:…}}` placeholders or the id already). Label references (`@latest`) are not touched.
 */
function withAssetIds(request, plan) {
    const body = structuredClone(request.body);
    for (const item of plan.items) {
        for (const t of item.targets)
            if (t.requestPath === request.path)
                setPointer(body, t.pointer, item.id);
    }
    return body;
}
/** Set the value at a JSON pointer (RFC 6901), creating objects on the way. */
function setPointer(doc, pointer, value) {
    const keys = pointer.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    let node = doc;
    for (const key of keys.slice(0, -1)) {
        const child = node[key];
        if (typeof child !== 'object' || child === null)
            node[key] = {};
        node = node[key];
    }
    const last = keys.at(-1);
    if (last !== undefined)
        node[last] = value;
}


/***/ }),

/***/ 2144:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rb: () => (/* binding */ blobStore),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   yc: () => (/* binding */ assetRegistry)
/* harmony export */ });
/* unused harmony exports parseVersionId, DEFAULT_BLOCK_SIZE */
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1318);
/* harmony import */ var _manifests_rest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2324);
/* harmony import */ var _secret_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9132);



/** The HTTP status an ARM or storage error carries, if any. */
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
    const send = (method, path, body, query) => session.arm.send({ method, path, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_1__/* .ML_API_VERSION */ .W8, ...(body === undefined ? {} : { body }), ...(query ? { query } : {}) });
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
            return {
                name, accountName: p.accountName, containerName: p.containerName, accountUrl: `${p.protocol ?? 'https'}://${p.accountName}.blob.${p.endpoint ?? 'core.windows.net'}`,
                ...(p.credentials?.credentialsType ? { credentialsType: p.credentials.credentialsType } : {}),
            };
        },
        async datastoreAccountKey(name) {
            const res = await send('POST', `${ws}/datastores/${seg(name)}/listSecrets`, {});
            (0,_secret_values_js__WEBPACK_IMPORTED_MODULE_2__/* .holdSecretValues */ .c)(res.body.key);
            if (res.body.secretsType !== 'AccountKey' || !res.body.key)
                throw new Error(`Datastore ${name} has no account key to upload with.`);
            return res.body.key;
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
    const sasPipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .newPipeline */ .vC)(new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .AnonymousCredential */ .tv(), pipelineOptions);
    const tokenPipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .newPipeline */ .vC)(options.credential, pipelineOptions);
    const keyPipelines = new Map();
    const pipelineFor = (auth) => {
        if (auth.kind === 'sas')
            return sasPipeline;
        if (auth.kind === 'token')
            return tokenPipeline;
        let p = keyPipelines.get(auth.accountName);
        if (!p)
            keyPipelines.set(auth.accountName, (p = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .newPipeline */ .vC)(new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .StorageSharedKeyCredential */ .Z3(auth.accountName, auth.key), pipelineOptions)));
        return p;
    };
    const client = (folder, blobName) => new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlockBlobClient */ .wG(blobUrl(folder, blobName), pipelineFor(folder.auth));
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


/***/ }),

/***/ 7095:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P$: () => (/* binding */ strings),
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   gx: () => (/* binding */ str)
/* harmony export */ });
const obj = (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
const str = (v) => (typeof v === 'string' && v ? v : undefined);
const strings = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);


/***/ }),

/***/ 3454:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ assetReferences),
/* harmony export */   cv: () => (/* binding */ assetsCheck),
/* harmony export */   zq: () => (/* binding */ parseRegistryUri)
/* harmony export */ });
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3155);
// Registered assets the deployment names exist: model, environment and code versions (by version,
// `@latest`, ARM id or registry URI, `labels/latest` included), as the adapters looked them up by
// the reference text (docs/online-checks.md §assets); for a registry asset that does not exist, what
// is missing and its latest version. Curated `azureml:AzureML-…` names: an honest cannot-verify. Local assets are registered by deploy and not checked here.


/** The registered assets a deployment names, with where. */
function assetReferences(d) {
    const out = [];
    if (d.model?.kind === 'ref')
        out.push({ field: 'model', ref: d.model.ref, span: d.model.span });
    if (d.environment?.kind === 'ref')
        out.push({ field: 'environment', ref: d.environment.ref, span: d.environment.span });
    if (d.code?.kind === 'ref')
        out.push({ field: 'code_configuration.code', ref: d.code.ref, span: d.code.span });
    return out;
}
const assetsCheck = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheck */ .qH)('assets', ['asset-not-found', 'cannot-verify'], (ctx) => {
    const out = { findings: [] };
    for (const d of ctx.deployments) {
        for (const { field, ref, span } of assetReferences(d)) {
            const lookup = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .lookupCI */ .d5)(ctx.facts.assets, ref.text);
            if (!lookup && (ref.kind === 'registry' || ref.kind === 'curated')) {
                out.findings.push(notRead(d.file, span, field, ref));
                continue;
            }
            if (!lookup || lookup.kind === 'found')
                continue;
            if (lookup.kind === 'unreadable') {
                const registry = ref.kind === 'registry' ? parseRegistryUri(ref.uri)?.registry : undefined;
                out.findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('cannot-verify', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(d.file, span), `Cannot verify that ${field} ${ref.text} exists: ${lookup.why}.`, {
                    hint: lookup.permission
                        ? `Give the workflow identity ${lookup.permission} ${registry ? `on registry ${registry} (the Reader role on the registry grants it)` : 'where the asset lives'}.`
                        : 'Give the workflow identity read access to the workspace or registry that holds the asset.',
                }));
                continue;
            }
            const miss = ref.kind === 'registry' ? (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .lookupCI */ .d5)(ctx.facts.registryMisses ?? {}, ref.text) : undefined;
            if (ref.kind === 'registry' && miss) {
                out.findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('asset-not-found', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(d.file, span), `${field} ${ref.text}: ${registryMissing(ref, miss)}.`, { hint: registryFix(field, ref, miss) }));
                continue;
            }
            out.findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('asset-not-found', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(d.file, span), `${field} ${ref.text}: ${missingWhat(ref)}.`, { hint: fixFor(ref) }));
        }
    }
    return out;
});
/**
 * An asset reference that was not read: a curated environment (`azureml:AzureML-…`, which the service
 * resolves from the `azureml` registry under a name this action does not map), or a registry URI
 * that is not shaped as an asset. Honest `cannot-verify` with the command that shows the asset,
 * never a silent pass. Registry URIs are read (src/azure/registry.ts) and judged above.
 */
function notRead(file, span, field, ref) {
    const cli = ref.type === 'models' ? 'model' : ref.type === 'environments' ? 'environment' : 'code';
    const parts = ref.kind === 'registry' ? parseRegistryUri(ref.uri) : curatedParts(ref.ref);
    const show = parts
        ? `az ml ${cli} show --registry-name ${parts.registry} --name ${parts.name} ${parts.version ? `--version ${parts.version}` : `--label ${parts.label ?? 'latest'}`}`
        : `az ml ${cli} list --registry-name <registry>`;
    const why = ref.kind === 'curated'
        ? 'it is a curated environment of registry azureml, which the service resolves by its curated name when the deployment is created; this action does not read curated names'
        : parts ? `registry ${parts.registry} was not read` : `${ref.uri} is not shaped as azureml://registries/<registry>/<type>/<name>/versions/<version> (or …/labels/latest), so it was not read`;
    return (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('cannot-verify', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(file, span), `Cannot verify that ${field} ${ref.text} exists: ${why}.`, {
        hint: `Check it exists and that the endpoint identity may read it: ${show}.`,
    });
}
/** `azureml://registries/<reg>/<type>/<name>/versions/<v>` or `…/labels/<label>`; undefined when shaped otherwise. */
function parseRegistryUri(uri) {
    const m = /^azureml:\/\/registries\/([^/]+)\/([^/]+)\/([^/]+)(?:\/(versions|labels)\/([^/]+))?$/i.exec(uri);
    if (!m || !m[1] || !m[2] || !m[3])
        return undefined;
    return { registry: m[1], type: m[2], name: m[3], ...(m[4]?.toLowerCase() === 'versions' ? { version: m[5] } : { label: m[5] ?? 'latest' }) };
}
/** `azureml:AzureML-<name>:<version>` / `@latest`: a curated environment of the `azureml` registry. */
function curatedParts(text) {
    const rest = text.replace(/^azureml:/, '');
    const atSign = rest.indexOf('@');
    if (atSign >= 0)
        return { registry: 'azureml', name: rest.slice(0, atSign), label: rest.slice(atSign + 1) };
    const colon = rest.lastIndexOf(':');
    return colon > 0 ? { registry: 'azureml', name: rest.slice(0, colon), version: rest.slice(colon + 1) } : { registry: 'azureml', name: rest, label: 'latest' };
}
function cliOf(type) {
    return type === 'models' ? 'model' : type === 'environments' ? 'environment' : type === 'codes' ? 'code' : type.replace(/s$/, '');
}
/** What a registry read found missing (src/checks/facts.ts RegistryMissFacts). */
function registryMissing(ref, miss) {
    const parts = parseRegistryUri(ref.uri);
    const kind = cliOf(parts?.type ?? ref.type);
    switch (miss.missing) {
        case 'registry':
            return `no registry named ${miss.registry} exists (registry discovery answered 404)`;
        case 'name':
            return `registry ${miss.registry} has no ${kind} named ${parts?.name ?? ''} (names are case-sensitive)${parts?.label ? `, so labels/${parts.label} resolves to nothing` : ''}`;
        case 'version':
            return `registry ${miss.registry} has no version ${parts?.version ?? ''} of ${kind} ${parts?.name ?? ''}${miss.latestVersion ? `; its latest version is ${miss.latestVersion}` : ''}`;
    }
}
function registryFix(field, ref, miss) {
    const parts = parseRegistryUri(ref.uri);
    const cli = cliOf(parts?.type ?? ref.type);
    if (miss.missing === 'registry')
        return `Check the registry name (az ml registry list --query "[].name" lists those of a subscription); registry names are those of azureml://registries/<registry>/….`;
    if (miss.missing === 'name')
        return `See what exists: az ml ${cli} list --registry-name ${miss.registry} --query "[].name".`;
    const latest = miss.latestVersion;
    return latest && parts
        ? `Did you mean version ${latest}? ${field}: azureml://registries/${parts.registry}/${parts.type}/${parts.name}/versions/${latest} (or …/labels/latest). See every version: az ml ${cli} list --registry-name ${miss.registry} --name ${parts.name} --query "[].version".`
        : `See what exists: az ml ${cli} list --registry-name ${miss.registry} --name ${parts?.name ?? '<name>'} --query "[].version".`;
}
function missingWhat(ref) {
    const kind = ref.type === 'codes' ? 'code' : ref.type.replace(/s$/, '');
    switch (ref.kind) {
        case 'version':
            return `the workspace has no ${kind} ${ref.name} with version ${ref.version}`;
        case 'label':
            return `the workspace has no ${kind} ${ref.name}, so @${ref.label} resolves to nothing`;
        case 'arm':
            return `no ${kind} version exists at ${ref.id}`;
        case 'registry':
            return `the registry has no such ${kind} version (or it is not visible to the signed-in identity)`;
        case 'curated':
            return `no curated environment ${ref.ref} exists`;
    }
}
function fixFor(ref) {
    const cli = ref.type === 'models' ? 'model' : ref.type === 'environments' ? 'environment' : 'code';
    if (ref.kind === 'version' || ref.kind === 'label')
        return `See what exists: az ml ${cli} list --name ${ref.name} --query "[].version". Register it first, or reference an existing version.`;
    return `Register the ${cli} first, or reference an existing version.`;
}


/***/ }),

/***/ 4191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ roleDefinitionKey),
/* harmony export */   GQ: () => (/* binding */ blocksAllow),
/* harmony export */   HK: () => (/* binding */ describeAge),
/* harmony export */   R6: () => (/* binding */ evaluatePermission),
/* harmony export */   pp: () => (/* binding */ scopeCovers)
/* harmony export */ });
/* unused harmony exports PROPAGATION_DELAY_MS, normalizeScope, permissionMatches, principalClosure */
/** The usual delay before a new role assignment takes effect (Azure RBAC troubleshooting: "up to 10 minutes"). */
const PROPAGATION_DELAY_MS = 10 * 60 * 1000;
/** Lower-case, no trailing slash: ARM ids compare case-insensitively. */
function normalizeScope(scope) {
    const s = scope.trim().toLowerCase().replace(/\/+$/, '');
    return s === '' ? '/' : s;
}
/** The last segment of a role definition id, lower-cased (what `roleDefinitions` is keyed by). */
function roleDefinitionKey(id) {
    return (id.split('/').filter(Boolean).pop() ?? id).toLowerCase();
}
const MG = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/;
/**
 * Whether an assignment at `assignmentScope` applies at `target`: the same scope or one above it
 * (root `/`, management group, subscription, resource group, resource, child resource). A
 * management-group scope is `unknown` unless the caller says which groups hold the subscription.
 */
function scopeCovers(assignmentScope, target, managementGroups) {
    const a = normalizeScope(assignmentScope);
    const t = normalizeScope(target);
    if (a === '/' || a === t || t.startsWith(`${a}/`))
        return true;
    const mg = MG.exec(a);
    if (!mg)
        return false;
    if (!t.startsWith('/subscriptions/'))
        return false;
    if (managementGroups === undefined)
        return 'unknown';
    const names = managementGroups.map((g) => (MG.exec(normalizeScope(g))?.[1] ?? g.toLowerCase()));
    return names.includes(mg[1] ?? '');
}
const patternCache = new Map();
function escapeRegExp(text) {
    return text.replace(/[.+?^$(){}|[\]\\]/g, (c) => '\\' + c);
}
// ARM operation matching: case-insensitive, `*` matches any run of characters (`*`, `*/read`, `…/secrets/*`).
function permissionMatches(pattern, operation) {
    let re = patternCache.get(pattern);
    if (!re) {
        const body = pattern.split('*').map(escapeRegExp).join('.*');
        re = new RegExp('^' + body + '$', 'i');
        patternCache.set(pattern, re);
    }
    return re.test(operation);
}
/**
 * Whether permission blocks allow an operation. A block allows it when one of its actions (data
 * actions) matches and none of the same block's notActions (notDataActions) does: a notAction
 * subtracts within its block only, and another block (another role) may still grant it.
 * `actions: ['*']` never covers data actions.
 */
function blocksAllow(blocks, want) {
    return blocks.some((b) => blockAllows(b, want));
}
function blockAllows(block, want) {
    const [allow, deny, op] = 'action' in want ? [block.actions, block.notActions, want.action] : [block.dataActions, block.notDataActions, want.dataAction];
    return (allow ?? []).some((p) => permissionMatches(p, op)) && !(deny ?? []).some((p) => permissionMatches(p, op));
}
/** The principal and every group it is in, transitively (cycles tolerated). */
function principalClosure(principalId, memberOf) {
    const index = new Map(Object.entries(memberOf).map(([k, v]) => [k.toLowerCase(), v]));
    const seen = new Set();
    const queue = [principalId.toLowerCase()];
    while (queue.length) {
        const id = queue.pop() ?? '';
        if (seen.has(id))
            continue;
        seen.add(id);
        for (const g of index.get(id) ?? [])
            queue.push(g.toLowerCase());
    }
    return seen;
}
function evaluatePermission(world, query) {
    const now = Date.parse(world.now);
    const delay = world.propagationDelayMs ?? PROPAGATION_DELAY_MS;
    const members = world.memberOf ? principalClosure(query.principalId, world.memberOf) : undefined;
    const definitions = new Map(Object.entries(world.roleDefinitions).map(([k, v]) => [k.toLowerCase(), v]));
    const grants = [];
    const uncertainties = [];
    for (const a of world.assignments) {
        if (members && !members.has(a.principalId.toLowerCase()))
            continue;
        const covers = scopeCovers(a.scope, query.scope, query.managementGroups);
        const below = covers === false && query.partsCount === true && scopeCovers(query.scope, a.scope) === true;
        if (covers === false && !below)
            continue;
        const definition = definitions.get(roleDefinitionKey(a.roleDefinitionId));
        if (!definition) {
            uncertainties.push(`role definition ${roleDefinitionKey(a.roleDefinitionId)} (assigned at ${a.scope}) could not be read`);
            continue;
        }
        if (!blocksAllow(definition.permissions, query.permission))
            continue;
        const grant = { assignmentId: a.id, principalId: a.principalId, roleName: definition.roleName, roleDefinitionId: a.roleDefinitionId, scope: a.scope };
        if (a.createdOn) {
            grant.createdOn = a.createdOn;
            const created = Date.parse(a.createdOn);
            if (!Number.isNaN(created) && !Number.isNaN(now))
                grant.ageMs = now - created;
        }
        if (below) {
            uncertainties.push(`${definition.roleName} is assigned on ${a.scope}, a part of ${query.scope}: whether the part the service reads is covered is not known`);
        }
        else if (covers === 'unknown') {
            uncertainties.push(`${definition.roleName} is assigned at management group scope ${a.scope}, and whether it holds this subscription is not known`);
        }
        else if (a.condition) {
            uncertainties.push(`${definition.roleName} at ${a.scope} is assigned with a condition, which the action cannot evaluate (${a.condition})`);
        }
        else {
            grants.push(grant);
        }
    }
    if (grants.length > 0) {
        // Effective once any granting assignment is old enough (or of unknown age: assume it is).
        const notYetEffective = grants.every((g) => g.ageMs !== undefined && g.ageMs < delay);
        return { holds: true, grants, notYetEffective, uncertainties: [] };
    }
    if (uncertainties.length > 0)
        return { holds: 'uncertain', grants, notYetEffective: false, uncertainties };
    return { holds: false, grants, notYetEffective: false, uncertainties: [] };
}
/** "3 minutes", "2 hours", "5 days": an age for messages. */
function describeAge(ms) {
    const minutes = Math.floor(ms / 60_000);
    if (minutes < 1)
        return 'less than a minute';
    if (minutes < 120)
        return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48)
        return `${hours} hours`;
    return `${Math.floor(hours / 24)} days`;
}


/***/ }),

/***/ 1966:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iy: () => (/* binding */ resourceName),
/* harmony export */   Rg: () => (/* binding */ KEY_VAULT_SECRETS_USER),
/* harmony export */   ZA: () => (/* binding */ STORAGE_BLOB_DATA_READER),
/* harmony export */   bP: () => (/* binding */ roleAssignmentCommand),
/* harmony export */   nB: () => (/* binding */ ACR_PULL),
/* harmony export */   r6: () => (/* binding */ ROLE_ASSIGNMENT_WRITE),
/* harmony export */   sx: () => (/* binding */ endpointPrincipalExpression),
/* harmony export */   vC: () => (/* binding */ CONNECTION_SECRETS_READER),
/* harmony export */   zI: () => (/* binding */ operationOf)
/* harmony export */ });
const KEY_VAULT_SECRETS_USER = {
    roleName: 'Key Vault Secrets User',
    roleDefinitionId: '4633458b-17de-408a-b874-0445c86b69e6',
    permission: { dataAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' },
    purpose: 'read Key Vault secret values',
};
const CONNECTION_SECRETS_READER = {
    roleName: 'Azure Machine Learning Workspace Connection Secrets Reader',
    roleDefinitionId: 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5',
    permission: { action: 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action' },
    purpose: 'read workspace connection secrets',
};
const ACR_PULL = {
    roleName: 'AcrPull',
    roleDefinitionId: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
    permission: { action: 'Microsoft.ContainerRegistry/registries/pull/read' },
    purpose: 'pull the image from the workspace container registry',
};
const STORAGE_BLOB_DATA_READER = {
    roleName: 'Storage Blob Data Reader',
    roleDefinitionId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
    permission: { dataAction: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read' },
    purpose: 'read the model and code from the workspace storage',
};
/** What the caller needs to assign a role (grant-missing-roles). */
const ROLE_ASSIGNMENT_WRITE = { action: 'Microsoft.Authorization/roleAssignments/write' };
function operationOf(p) {
    return 'action' in p ? p.action : p.dataAction;
}
/** The last segment of an ARM id: `kv1` of …/vaults/kv1. */
function resourceName(id) {
    return id.split('/').filter(Boolean).pop() ?? id;
}
/** `az role assignment create …` for a principal (or a shell expression that yields its object id). */
function roleAssignmentCommand(role, scope, assigneeObjectId) {
    return `az role assignment create --assignee-object-id ${assigneeObjectId} --assignee-principal-type ServicePrincipal --role "${role.roleName}" --scope ${scope}`;
}
/** The shell expression for a new endpoint's system identity, once the endpoint exists. */
function endpointPrincipalExpression(endpointName, workspaceId) {
    const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)/i.exec(workspaceId ?? '');
    const where = m ? ` --resource-group ${m[1]} --workspace-name ${m[2]}` : '';
    return `$(az ml online-endpoint show --name ${endpointName}${where} --query identity.principal_id --output tsv)`;
}


/***/ }),

/***/ 9939:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ru: () => (/* binding */ computePlan),
  QR: () => (/* binding */ liveDiff)
});

// UNUSED EXPORTS: PLAN_RULES, endpointBodyFromLive, trafficRequest

// EXTERNAL MODULE: ./lib/assets/plan.js + 2 modules
var assets_plan = __webpack_require__(2880);
// EXTERNAL MODULE: ./lib/assets/upload.js
var upload = __webpack_require__(6658);
// EXTERNAL MODULE: ./lib/azure/json.js
var json = __webpack_require__(7095);
// EXTERNAL MODULE: ./lib/checks/assets.js
var assets = __webpack_require__(3454);
// EXTERNAL MODULE: ./lib/checks/check.js
var check = __webpack_require__(3155);
// EXTERNAL MODULE: ./lib/secrets/parse.js
var parse = __webpack_require__(6352);
;// CONCATENATED MODULE: ./lib/checks/diff.js
// The plan's field-level diff: the REST body the translator would send (src/manifests/rest.ts) against
// the live GET body, ignoring what the service fills in, so that an unchanged file reads "no
// change" (docs/online-checks.md §plan-diff). Pure; secret-free output.
//
//   diffResource(desired, live, options?): ResourceDiff     create | update (changed paths, before → after) | no-change
//   diffTraffic(before, after): TrafficDiff                 per deployment, before → after
//   describeChange(change): string                          "properties.instanceType: Standard_DS3_v2 → Standard_F4s_v2"
//
// What the service fills in (from the GET examples of the ML REST API and the defaults of the
// managed online deployment YAML reference,
// https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online):
// read-only fields (id, name, type, systemData, provisioningState, scoringUri, swaggerUri, the
// identity's principal and tenant ids), and defaults for what the body leaves out (scale settings
// `Default`, request settings, probes, public network access `Enabled`, description null).
// A field only the live body has is a change only where the body owns the whole map (tags,
// properties, environment variables: a PUT replaces them) or where a known default says what
// leaving it out means; anything else the service adds is ignored, never shown as noise.

/** A secret-injection reference names a secret, it is not one: shown as written (one answer, src/secrets/parse.ts). */
const isReference = (v) => (0,parse/* parseExactReference */.ik)(v) !== undefined;
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const PROBE_DEFAULT = { initialDelay: 'PT10S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 };
/** Defaults by path (`*` matches one key): what a body that leaves the field out gets. */
const DEFAULTS = {
    'properties.description': null,
    'properties.publicNetworkAccess': 'Enabled',
    'properties.egressPublicNetworkAccess': 'Enabled',
    'properties.appInsightsEnabled': false,
    'properties.scaleSettings': { scaleType: 'Default' },
    'properties.requestSettings': { requestTimeout: 'PT5S', maxConcurrentRequestsPerInstance: 1, maxQueueWait: 'PT0.5S' },
    'properties.livenessProbe': PROBE_DEFAULT,
    'properties.readinessProbe': PROBE_DEFAULT,
    'properties.mirrorTraffic': {},
    'properties.traffic': {},
};
/** Read-only or service-assigned: never compared. */
const IGNORED = [
    /^(id|name|type|etag|kind|systemData)$/,
    /^properties\.(provisioningState|scoringUri|swaggerUri|openApiUri)$/,
    /^identity\.(principalId|tenantId)$/,
    /^identity\.userAssignedIdentities\..+\.(principalId|clientId)$/,
    /^sku\.(tier|size|family)$/,
    // Bookkeeping the service writes into the endpoint's properties bag.
    /^properties\.properties\.(azureml\..*|AzureAsyncOperationUri|createdBy)$/i,
    // Traffic moves through its own step (diffTraffic), not through the resource body.
    /^properties\.(traffic|mirrorTraffic)(\..*)?$/,
];
/** Maps the body owns entirely: a key only live has is removed by the PUT. */
const OWNED_MAPS = [/^tags$/, /^properties\.properties$/, /^properties\.environmentVariables$/, /^identity\.userAssignedIdentities$/];
/** Enumerations the service may return in another case than the SDK sends. */
const CASE_INSENSITIVE = new Set(['type', 'authMode', 'publicNetworkAccess', 'egressPublicNetworkAccess', 'endpointComputeType', 'scaleType', 'dataCollectionMode', 'rollingRate', 'instanceType', 'name']);
const PENDING = /^\{\{pending:[^}]*\}\}$/;
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const SECRET_NAME = /secret|password|passwd|token|credential|api[_-]?key|access[_-]?key|connection[_-]?string|^key$|_key$/i;
function pathOf(parent, key) {
    const k = /^[A-Za-z0-9_-]+$/.test(key) ? key : `[${JSON.stringify(key)}]`;
    return parent === '' ? k : k.startsWith('[') ? `${parent}${k}` : `${parent}.${k}`;
}
function ignored(path) {
    return IGNORED.some((re) => re.test(path.replace(/\["([^"]*)"\]/g, '.$1')));
}
function defaultAt(path) {
    if (Object.hasOwn(DEFAULTS, path))
        return { known: true, value: DEFAULTS[path] };
    const dot = path.lastIndexOf('.');
    if (dot > 0) {
        const parent = DEFAULTS[path.slice(0, dot)];
        if (isObj(parent) && Object.hasOwn(parent, path.slice(dot + 1)))
            return { known: true, value: parent[path.slice(dot + 1)] };
    }
    return { known: false };
}
function durationMs(s) {
    const m = ISO_DURATION.exec(s);
    if (!m || s === 'P' || s === 'PT')
        return undefined;
    const [, d = '0', h = '0', min = '0', sec = '0'] = m;
    return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(sec) * 1000;
}
function sameScalar(key, a, b) {
    if (a === b)
        return true;
    if (typeof a === 'string' && typeof b === 'string') {
        if (a.startsWith('/subscriptions/') || CASE_INSENSITIVE.has(key))
            return a.toLowerCase() === b.toLowerCase();
        if (key === 'location')
            return a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
        const da = durationMs(a);
        const db = durationMs(b);
        if (da !== undefined && db !== undefined)
            return da === db;
    }
    return false;
}
function same(key, a, b) {
    if (isObj(a) && isObj(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].every((k) => same(k, a[k] ?? null, b[k] ?? null));
    }
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => same(key, x, b[i]));
    return sameScalar(key, a, b);
}
const isEmpty = (v) => v === null || v === undefined || (isObj(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0);
/** Case-insensitive key lookup, for maps keyed by ARM ids. */
function liveKey(live, key, insensitive) {
    if (Object.hasOwn(live, key))
        return key;
    if (!insensitive)
        return undefined;
    return Object.keys(live).find((k) => k.toLowerCase() === key.toLowerCase());
}
function walk(desired, live, parent, out, w) {
    const { render } = w;
    const skip = (key) => parent === 'tags' && w.ignoredTag(key);
    const insensitive = parent === 'identity.userAssignedIdentities';
    const owned = OWNED_MAPS.some((re) => re.test(parent));
    const seen = new Set();
    for (const [key, want] of Object.entries(desired)) {
        const path = pathOf(parent, key);
        const lk = liveKey(live, key, insensitive);
        if (lk !== undefined)
            seen.add(lk);
        if (ignored(path) || skip(key))
            continue;
        const has = lk === undefined ? undefined : live[lk];
        if (typeof want === 'string' && PENDING.test(want)) {
            out.push({ path, kind: has === undefined ? 'added' : 'changed', ...(has === undefined ? {} : { before: render(path, has) }), after: 'decided at deploy (asset to register or label to resolve)', pending: true });
            continue;
        }
        if (insensitive) {
            // A user-assigned identity: its presence is what counts, its value is the service's.
            if (lk === undefined)
                out.push({ path, kind: 'added', after: 'assigned' });
            continue;
        }
        if (isObj(want) && (isObj(has) || has === undefined)) {
            const base = defaultAt(path);
            const liveObj = isObj(has) ? has : {};
            if (has === undefined && !Object.keys(want).length)
                continue;
            if (has === undefined && !base.known && !OWNED_MAPS.some((re) => re.test(path))) {
                out.push({ path, kind: 'added', after: render(path, want) });
                continue;
            }
            walk(want, liveObj, path, out, w);
            continue;
        }
        if (has === undefined) {
            if (isEmpty(want))
                continue;
            const base = defaultAt(path);
            if (base.known && same(key, want, base.value))
                continue;
            out.push({ path, kind: 'added', after: render(path, want) });
            continue;
        }
        // Values of owned maps (variables, tags) are the user's text: a change of letter case is a change.
        const differs = owned ? JSON.stringify(want) !== JSON.stringify(has) : !same(key, want, has);
        if (differs)
            out.push({ path, kind: 'changed', before: render(path, has), after: render(path, want) });
    }
    for (const [key, has] of Object.entries(live)) {
        if (seen.has(key))
            continue;
        const path = pathOf(parent, key);
        // The service answers '' for a description never set; in a map the body owns, '' is a value.
        if (ignored(path) || skip(key) || isEmpty(has) || (!owned && has === ''))
            continue;
        const base = defaultAt(path);
        if (owned) {
            out.push({ path, kind: 'removed', before: insensitive ? 'assigned' : render(path, has) });
        }
        else if (base.known && isObj(has) && isObj(base.value)) {
            walk({}, has, path, out, w); // field by field against the default object
        }
        else if (base.known && !same(key, has, base.value)) {
            out.push({ path, kind: 'changed', before: render(path, has), after: `${render(path, base.value)} (the default)` });
        }
    }
}
/** A rendering that never shows a secret: known secret values and secret-looking environment variables become `***`. */
function renderer(options) {
    const secrets = (options.secretValues ?? []).filter((s) => s.length > 0);
    const mask = (text) => secrets.reduce((t, s) => t.split(s).join('***'), text);
    return (path, v) => {
        const envName = /^properties\.environmentVariables(?:\.|\[")([^"]+?)(?:"\])?$/.exec(path)?.[1];
        if (envName && typeof v === 'string' && SECRET_NAME.test(envName) && !isReference(v))
            return '***';
        if (path === 'properties.environmentVariables' && isObj(v)) {
            return mask(JSON.stringify(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && SECRET_NAME.test(k) && !isReference(x) ? '***' : x]))));
        }
        return mask(typeof v === 'string' ? v : JSON.stringify(v));
    };
}
function diffResource(desired, live, options = {}) {
    if (live === undefined)
        return { action: 'create' };
    const changes = [];
    walk(desired, live, '', changes, { render: renderer(options), ignoredTag: options.ignoredTag ?? (() => false) });
    changes.sort((a, b) => a.path.localeCompare(b.path));
    return changes.length ? { action: 'update', changes } : { action: 'no-change' };
}
function describeChange(c) {
    if (c.kind === 'added')
        return `${c.path}: + ${c.after}`;
    if (c.kind === 'removed')
        return `${c.path}: − ${c.before}`;
    return `${c.path}: ${c.before} → ${c.after}`;
}
/** Traffic before → after; names compared case-insensitively (the service lower-cases them). */
function diffTraffic(before, after) {
    const lower = (m) => new Map(Object.entries(m).map(([k, v]) => [k.toLowerCase(), v]));
    const b = lower(before);
    const a = lower(after);
    const names = [...new Set([...b.keys(), ...a.keys()])].sort();
    const rows = names.map((deployment) => ({ deployment, before: b.get(deployment) ?? 0, after: a.get(deployment) ?? 0 })).filter((r) => r.before !== 0 || r.after !== 0);
    return { changed: rows.some((r) => r.before !== r.after), rows };
}

// EXTERNAL MODULE: ./lib/findings/finding.js
var finding = __webpack_require__(65);
// EXTERNAL MODULE: ./lib/apply/trace-tags.js
var trace_tags = __webpack_require__(9537);
// EXTERNAL MODULE: ./lib/apply/traffic-plan.js
var traffic_plan = __webpack_require__(1131);
// EXTERNAL MODULE: ./lib/manifests/index.js
var manifests = __webpack_require__(6144);
;// CONCATENATED MODULE: ./lib/modes/validate-plan.js
// The plan, computed once (docs/architecture.md §5): for the endpoint and each deployment, the
// exact body deploy will send (the file's fields with the workspace's region, the action's trace
// tags, the live traffic, resolved labels and local asset ids), what it does to the live resource
// (create | update | no change | unknown) and the field diff, from one diff function
// (src/checks/diff.ts); the traffic steps from the inputs, the files and the live endpoint; and
// the findings of everything the inputs ask of Azure that cannot be done. validate shows it; apply
// executes it as it stands and re-diffs with `liveDiff` right before each write. Pure.










/** The one diff between a planned body and a live resource: trace tags and service-filled fields ignored. */
function liveDiff(body, live, secretValues) {
    const d = diffResource(body, live, { secretValues, ignoredTag: trace_tags/* isTraceTag */.a$ });
    if (d.action === 'create')
        return { change: 'create', diff: [] };
    if (d.action === 'no-change')
        return { change: 'no change', diff: [] };
    return { change: 'update', diff: d.changes.map(describeChange) };
}
/** An endpoint PUT body rebuilt from the live GET (runs with deployment files only): the writable fields. */
function endpointBodyFromLive(live) {
    const p = (0,json/* obj */.WL)(live.properties);
    const identity = (live.identity ?? {});
    const id = { type: identity.type ?? 'SystemAssigned' };
    if (identity.userAssignedIdentities && Object.keys(identity.userAssignedIdentities).length) {
        id.userAssignedIdentities = Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((k) => [k, {}]));
    }
    const properties = { authMode: p.authMode, properties: p.properties ?? {}, traffic: p.traffic ?? {}, mirrorTraffic: p.mirrorTraffic ?? {} };
    for (const key of ['description', 'publicNetworkAccess', 'compute'])
        if (p[key] !== undefined && p[key] !== null)
            properties[key] = p[key];
    const body = { location: live.location, identity: id, tags: live.tags ?? {}, properties };
    if (live.kind)
        body.kind = live.kind;
    return body;
}
/** What the traffic inputs (or, without them, the endpoint file) ask for. */
function trafficRequest(inputs, endpoint) {
    if (inputs.rolloutSteps)
        return { kind: 'steps', steps: inputs.rolloutSteps };
    if (inputs.traffic?.kind === 'all')
        return { kind: 'all' };
    if (inputs.traffic?.kind === 'map')
        return { kind: 'map', weights: inputs.traffic.weights };
    if (endpoint && (endpoint.traffic.length || endpoint.mirrorTraffic.length)) {
        const map = (entries) => Object.fromEntries(entries.map((e) => [e.name, e.percent]));
        return { kind: 'file', traffic: map(endpoint.traffic), mirrorTraffic: map(endpoint.mirrorTraffic) };
    }
    return { kind: 'none' };
}
/** The rules the plan itself reports (the check registry owns the others). */
const PLAN_RULES = (/* unused pure expression or super */ null && (['resource-unreadable', 'asset-not-found', 'traffic', 'deployment-failed']));
const validate_plan_PENDING = /\{\{pending:([^}]*)\}\}/;
const FAILED_STATES = new Set(['failed', 'canceled']);
function computePlan(input) {
    const { facts, workspace: ws } = input;
    const findings = [];
    const spec = input.endpoint;
    const epAt = spec ? (spec.spans.name ? (0,check.at)(spec.file, spec.spans.name) : { file: spec.file, line: 1, column: 1 }) : locate(input.deployments[0]);
    const liveEndpoint = facts.endpoint.kind === 'found' ? facts.endpoint.value : undefined;
    const endpointUnknown = facts.endpoint.kind === 'unreadable';
    const liveDeployments = facts.deployments.kind === 'found' ? facts.deployments.value : {};
    const deploymentsUnknown = facts.deployments.kind === 'unreadable';
    const liveTraffic = liveEndpoint?.traffic ?? {};
    const liveMirror = liveEndpoint?.mirrorTraffic ?? {};
    const requests = [];
    const unreadable = (where, what, why) => unreadableFinding(input.mode, where, what, why);
    const unknownWhy = (l) => (l.kind === 'unreadable' ? l.why : '');
    // ---- Endpoint
    let trafficBody;
    if (spec) {
        const body = (0,traffic_plan/* withTraffic */.oO)((0,trace_tags/* withTraceTags */.bK)((0,manifests/* endpointRestBody */.S9)(spec, ws).body, input.tags), liveTraffic, liveMirror);
        trafficBody = body;
        const path = (0,manifests/* endpointPath */.nM)(ws, spec.name);
        const base = { method: 'PUT', path, apiVersion: manifests/* ML_API_VERSION */.W8, body, resource: { kind: 'endpoint', name: spec.name } };
        if (endpointUnknown) {
            requests.push({ ...base, change: 'unknown', description: `endpoint ${spec.name}: could not be read (${unknownWhy(facts.endpoint)})` });
            findings.push(unreadable(epAt, `endpoint ${spec.name}`, unknownWhy(facts.endpoint)));
        }
        else {
            const d = liveDiff(body, liveEndpoint?.body, input.secretValues);
            const recover = d.change === 'no change' && FAILED_STATES.has((liveEndpoint?.provisioningState ?? '').toLowerCase());
            const change = recover ? 'update' : d.change;
            const diff = recover ? [`provisioningState: ${liveEndpoint?.provisioningState} → Succeeded (written again)`] : d.diff;
            requests.push({ ...base, change, diff, description: `${verb(change)} endpoint ${spec.name}` });
        }
    }
    else if (liveEndpoint) {
        trafficBody = endpointBodyFromLive(liveEndpoint.body);
    }
    else if (!endpointUnknown && input.endpointName) {
        findings.push((0,finding/* makeFinding */.MH)('deployment-failed', epAt, `Endpoint ${input.endpointName} does not exist and no endpoint-file was given to create it.`, { severity: 'error', hint: 'Add endpoint-file, or create the endpoint first.' }));
    }
    else if (endpointUnknown) {
        findings.push(unreadable(epAt, `endpoint ${input.endpointName}`, unknownWhy(facts.endpoint)));
    }
    // ---- Deployments
    for (const d of input.deployments) {
        const rest = (0,manifests/* deploymentRestBody */.KE)(d, ws);
        const labels = resolveLabels((0,upload/* withAssetIds */.vc)(rest, input.localAssets), d, rest, facts);
        findings.push(...labels.findings.map((f) => (f.rule === 'resource-unreadable' ? unreadable(f, f.message, 'its versions could not be listed') : f)));
        const body = (0,trace_tags/* withTraceTags */.bK)(labels.body, input.tags);
        const pending = validate_plan_PENDING.exec(JSON.stringify(body));
        if (pending && !labels.explained && input.localAssetsRead) {
            findings.push((0,finding/* makeFinding */.MH)('asset-not-found', locate(d), `Deployment ${d.name} names ${pending[1] ?? 'an asset'}, which the action cannot resolve to a version.`, { severity: 'error', hint: 'Reference the asset as azureml:<name>:<version> or azureml:<name>@latest, or fix the path of the conda file.' }));
        }
        const base = { method: 'PUT', path: rest.path, apiVersion: rest.apiVersion, body, resource: { kind: 'deployment', name: d.name } };
        const live = Object.entries(liveDeployments).find(([name]) => name.toLowerCase() === d.name.toLowerCase())?.[1];
        if (deploymentsUnknown || endpointUnknown) {
            const why = unknownWhy(facts.deployments) || unknownWhy(facts.endpoint);
            requests.push({ ...base, change: 'unknown', description: `deployment ${d.name}: could not be read (${why})` });
            if (!endpointUnknown)
                findings.push(unreadable(locate(d), `deployment ${d.name}`, why));
            continue;
        }
        const diff = liveDiff(body, live?.body, input.secretValues);
        const recover = diff.change === 'no change' && FAILED_STATES.has((live?.provisioningState ?? '').toLowerCase());
        const change = recover ? 'update' : diff.change;
        requests.push({ ...base, change, diff: recover ? [`provisioningState: ${live?.provisioningState} → Succeeded (written again)`] : diff.diff, description: `${verb(change)} deployment ${d.name} on endpoint ${d.endpointName}` });
    }
    // ---- Traffic: planned from the live map, so the plan says what Azure will hold.
    let traffic;
    let trafficNotes = [];
    if (!endpointUnknown) {
        const target = input.deployments.length === 1 ? input.deployments[0]?.name.toLowerCase() : undefined;
        const request = trafficRequest(input.inputs, spec);
        if (input.deployments.length > 1 && (request.kind === 'steps' || request.kind === 'all' || input.inputs.mirrorPercent !== undefined)) {
            findings.push((0,finding/* makeFinding */.MH)('traffic', epAt, `rollout-steps, traffic: all and mirror-percent move one deployment; this run deploys ${input.deployments.length}.`, { severity: 'error', hint: 'Give one deployment file, or an explicit traffic map.' }));
        }
        const known = [...new Set([...Object.keys(liveDeployments), ...input.deployments.map((d) => d.name)].map((n) => n.toLowerCase()))];
        const i = input.inputs;
        const gatesConfigured = Boolean(i.smokeRequestFile || i.maxErrorRate !== undefined || i.maxLatencyP99Ms !== undefined || i.bakeTimeMs);
        const tp = (0,traffic_plan/* planTraffic */.H6)({ live: liveTraffic, liveMirror, deployment: target, deployments: known, request, mirrorPercent: i.mirrorPercent, gatesConfigured });
        for (const p of tp.problems)
            findings.push((0,finding/* makeFinding */.MH)('traffic', epAt, p, { severity: 'error' }));
        const last = tp.steps.at(-1);
        traffic = {
            before: tp.previous.traffic,
            after: last?.traffic ?? tp.previous.traffic,
            mirrorBefore: tp.previous.mirrorTraffic,
            mirrorAfter: last?.mirrorTraffic ?? tp.previous.mirrorTraffic,
            steps: tp.steps,
            rollback: tp.previous,
        };
        trafficNotes = tp.notes;
    }
    // ---- Retention: idle deployments beyond keep-deployments are deleted after a successful run.
    if (traffic && liveEndpoint)
        requests.push(...retention(input, liveDeployments, traffic));
    const assets = [...(0,assets_plan/* planLines */.HN)(input.localAssets), ...input.offlineAssets];
    const changes = requests.some((r) => r.change !== 'no change') || (traffic?.steps.length ?? 0) > 0 || input.localAssets.changes;
    const notes = [
        `Plan: ${requests.map((r) => `${r.change} ${r.resource?.kind} ${r.resource?.name}`).join('; ') || 'nothing to send'}.`,
        traffic ? `Traffic: ${(0,traffic_plan/* describeTraffic */.hA)(traffic)}.` : 'Traffic: unknown (the endpoint could not be read).',
        ...trafficNotes,
        ...requests.filter((r) => r.resource?.kind === 'deployment' && r.change === 'create').map((r) => input.inputs.rollbackOnFailure && !input.inputs.keepFailedDeployment
            ? `On failure: deployment ${r.resource?.name} is new, so if it fails or is rolled back without serving it is deleted (keep-failed-deployment: true keeps it).`
            : `On failure: deployment ${r.resource?.name} is kept even if it never serves (${input.inputs.keepFailedDeployment ? 'keep-failed-deployment' : 'rollback-on-failure: false'}).`),
        ...input.outcome.quota.map((q) => `Quota: ${q}`),
        ...input.outcome.identityPlan.map((line) => `Roles: ${line}`),
    ];
    const plan = { requests, assets, ...(traffic ? { traffic } : {}), quota: input.outcome.quota, identity: input.outcome.identityPlan };
    return { plan, changes, notes, findings, ...(trafficBody ? { trafficBody } : {}) };
}
/** The deployments no file names that serve no live or mirrored traffic once the run is done, beyond the newest keep-deployments. */
function retention(input, live, traffic) {
    const named = new Set(input.deployments.map((d) => d.name.toLowerCase()));
    const serves = (name) => (traffic.after[name] ?? 0) > 0 || (traffic.mirrorAfter[name] ?? 0) > 0;
    const createdAt = (d) => Date.parse(String((0,json/* obj */.WL)(d.body.systemData).createdAt ?? '')) || 0;
    const idle = Object.values(live).filter((d) => !named.has(d.name.toLowerCase()) && !serves(d.name.toLowerCase())).sort((a, b) => createdAt(b) - createdAt(a));
    const keep = input.inputs.keepDeployments;
    return idle.slice(keep).map((d) => ({
        method: 'DELETE',
        path: (0,manifests/* deploymentPath */.nR)(input.workspace, input.endpointName, d.name),
        apiVersion: manifests/* ML_API_VERSION */.W8,
        description: `delete deployment ${d.name} after a successful run: it serves no traffic and is not among the ${keep} newest idle deployment(s) (keep-deployments)`,
        change: 'delete',
        resource: { kind: 'deployment', name: d.name },
    }));
}
function verb(change) {
    return change === 'no change' ? 'no change to' : change ?? 'create or update';
}
function locate(d) {
    if (!d)
        return { file: '', line: 1, column: 1 };
    return d.spans.name ? (0,check.at)(d.file, d.spans.name) : { file: d.file, line: 1, column: 1 };
}
function unreadableFinding(mode, where, what, why) {
    return (0,finding/* makeFinding */.MH)('resource-unreadable', where, `The ${what} could not be read (${why}): deploy does not write what it could not compare, and does not treat it as missing.`, {
        severity: mode === 'deploy' ? 'error' : 'warning',
        hint: 'Run again once Azure answers; if it keeps failing, give the workflow identity read access to the workspace (Reader or AzureML Data Scientist).',
    });
}
/** `azureml:name@latest` and other labels, replaced by the version validate read (one request per asset). */
function resolveLabels(body, d, rest, facts) {
    const out = structuredClone(body);
    const findings = [];
    let explained = false;
    for (const item of rest.assets.filter((a) => a.action === 'resolve-label')) {
        const ref = (0,assets/* assetReferences */.NE)(d).find((r) => r.span.line === item.span.line && r.span.column === item.span.column);
        const lookup = ref ? (0,check/* lookupCI */.d5)(facts.assets, ref.ref.text) : undefined;
        if (lookup?.kind === 'found') {
            (0,upload/* setPointer */.OW)(out, item.pointer, lookup.value.id);
            continue;
        }
        // A missing asset is the assets check's finding (asset-not-found); an unreadable one stops deploy.
        explained = true;
        if (ref && lookup?.kind === 'unreadable')
            findings.push((0,finding/* makeFinding */.MH)('resource-unreadable', (0,check.at)(d.file, ref.span), `${ref.field} ${ref.ref.text}`));
        else if (ref && lookup === undefined) {
            findings.push((0,finding/* makeFinding */.MH)('asset-not-found', (0,check.at)(d.file, ref.span), `${ref.field} ${ref.ref.text}: the action resolves only @latest; the label ${item.label ?? ''} cannot be resolved before the deployment is written.`, { severity: 'error', hint: `Reference the version the label points at: azureml:${item.name ?? '<name>'}:<version>, or use @latest.` }));
        }
    }
    return { body: out, findings, explained };
}


/***/ }),

/***/ 4609:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeReads: () => (/* binding */ describeReads),
  validateMode: () => (/* binding */ validateMode),
  validateOnline: () => (/* binding */ validateOnline)
});

// EXTERNAL MODULE: ../main/node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(9846);
// EXTERNAL MODULE: ./lib/assets/plan.js + 2 modules
var plan = __webpack_require__(2880);
// EXTERNAL MODULE: ./lib/azure/rest.js
var rest = __webpack_require__(4131);
;// CONCATENATED MODULE: ./lib/azure/read.js

async function read_lookup(read, permission) {
    try {
        return { kind: 'found', value: await read() };
    }
    catch (error) {
        return failedLookup(error, permission);
    }
}
function failedLookup(error, permission) {
    if (error instanceof rest/* ArmError */.dW) {
        if (error.status === 404)
            return { kind: 'missing' };
        if (error.status === 403 || error.status === 401) {
            return { kind: 'unreadable', permission, why: `${error.status} ${error.code}${error.innerCode ? ` (${error.innerCode})` : ''} on ${error.method} ${error.path}` };
        }
        return { kind: 'unreadable', why: `${error.method} ${error.path} failed: ${error.status || 'no answer'} ${error.code}` };
    }
    return { kind: 'unreadable', why: error instanceof Error ? error.message : String(error) };
}
/** Every item of an ARM list, following `nextLink` (absolute URLs, used verbatim). */
async function listAll(arm, req) {
    const items = [];
    let next = req;
    for (let page = 0; next && page < 100; page++) {
        const res = await arm.send(next);
        items.push(...(res.body?.value ?? []));
        next = res.body?.nextLink ? { method: 'GET', path: res.body.nextLink, apiVersion: req.apiVersion } : undefined;
    }
    return items;
}
/** The same over an absolute-URL client (Key Vault data plane). */
async function listAllUrl(client, url) {
    const items = [];
    let next = url;
    for (let page = 0; next && page < 100; page++) {
        const res = await client.sendUrl('GET', next);
        items.push(...(res.body?.value ?? []));
        next = res.body?.nextLink ?? undefined;
    }
    return items;
}
/** Runs `work` once per distinct key, however many callers ask for it. */
class Once {
    started = new Map();
    get(key, work) {
        let p = this.started.get(key);
        if (!p) {
            p = work();
            this.started.set(key, p);
        }
        return p;
    }
    get size() {
        return this.started.size;
    }
}

;// CONCATENATED MODULE: ./lib/azure/identity.js

const MSI_API_VERSION = '2023-01-31';
function readUserAssignedIdentity(arm, resourceId) {
    return read_lookup(async () => {
        const body = (await arm.send({ method: 'GET', path: resourceId, apiVersion: MSI_API_VERSION })).body;
        return { resourceId: body?.id ?? resourceId, principalId: body?.properties?.principalId ?? '', clientId: body?.properties?.clientId };
    }, 'Microsoft.ManagedIdentity/userAssignedIdentities/read');
}

// EXTERNAL MODULE: ./lib/azure/json.js
var json = __webpack_require__(7095);
;// CONCATENATED MODULE: ./lib/azure/keyvault.js



/** Key Vault ARM api-version whose GET states `enableRbacAuthorization` (absent or null: access policies). */
const KEYVAULT_ARM_API_VERSION = '2024-11-01';
/** Data-plane api-version (the newest in the REST spec index). */
const KEYVAULT_DATA_API_VERSION = '7.6';
const READ_METADATA_PERMISSION = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';
function vaultArmId(subscriptionId, resourceGroup, vaultName) {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${vaultName}`;
}
function readVault(arm, host, resourceId) {
    return read_lookup(async () => parseVault(host, (await arm.send({ method: 'GET', path: resourceId, apiVersion: KEYVAULT_ARM_API_VERSION })).body), 'Microsoft.KeyVault/vaults/read');
}
function parseVault(host, body) {
    const b = (0,json/* obj */.WL)(body);
    return { host, resourceId: (0,json/* str */.gx)(b.id) ?? '', rbacAuthorization: (0,json/* obj */.WL)(b.properties).enableRbacAuthorization === true };
}
/**
 * The names of every secret in a vault (Get Secrets: ids and attributes, never a value; the
 * adapter keeps only the names). Read only when a referenced secret does not exist, for the
 * "did you mean"; refused or failed → unreadable, and no suggestion is made.
 */
async function readSecretNames(keyVault, vaultUrl) {
    const url = `${vaultUrl.replace(/\/+$/, '')}/secrets?api-version=${KEYVAULT_DATA_API_VERSION}&maxresults=25`;
    return read_lookup(async () => (await listAllUrl(keyVault, url)).map((v) => ((0,json/* str */.gx)((0,json/* obj */.WL)(v).id) ?? '').split('/').filter(Boolean).pop() ?? '').filter(Boolean), READ_METADATA_PERMISSION);
}
/**
 * All versions of one secret; `missing` when the secret (or the vault host) does not exist. A secret
 * always has a version, and Azure answers the versions of a secret that does not exist with 200
 * `{"value":[]}` (recorded: test/fixtures/recorded/keyvault-secrets.json), so an empty list is missing.
 */
async function readSecretVersions(keyVault, vaultUrl, secretName) {
    const url = `${vaultUrl.replace(/\/+$/, '')}/secrets/${encodeURIComponent(secretName)}/versions?api-version=${KEYVAULT_DATA_API_VERSION}&maxresults=25`;
    try {
        const versions = (await listAllUrl(keyVault, url)).map(parseVersionItem);
        return versions.length ? { kind: 'found', value: versions } : { kind: 'missing' };
    }
    catch (error) {
        if (vaultHostUnknown(error))
            return { kind: 'missing' };
        return failedLookup(error, READ_METADATA_PERMISSION);
    }
}
/**
 * A vault name that does not exist has no DNS entry: the request fails before any HTTP answer
 * (ENOTFOUND), or a proxy answers the tunnel with 502.
 */
function vaultHostUnknown(error) {
    if (!(error instanceof rest/* ArmError */.dW))
        return false;
    if (error.status === 0)
        return /ENOTFOUND|EAI_AGAIN/i.test(`${error.code} ${error.message}`);
    // A proxy's own 502 carries no Key Vault error body (a vault's answers always do).
    return error.status === 502 && error.code === 'Http502';
}
function parseVersionItem(value) {
    const v = (0,json/* obj */.WL)(value);
    const a = (0,json/* obj */.WL)(v.attributes);
    const iso = (x) => (typeof x === 'number' ? new Date(x * 1000).toISOString() : undefined);
    return {
        version: ((0,json/* str */.gx)(v.id) ?? '').split('/').filter(Boolean).pop() ?? '',
        enabled: a.enabled !== false,
        createdOn: iso(a.created),
        expiresOn: iso(a.exp),
        notBefore: iso(a.nbf),
    };
}
/** The pinned version's metadata, and the newest enabled version when it is another, newer one. */
function secretVersionFacts(vaultHost, name, pinned, versions) {
    const own = versions.find((v) => v.version.toLowerCase() === pinned.toLowerCase());
    if (!own)
        return { kind: 'missing' };
    const created = (v) => Date.parse(v.createdOn ?? '') || 0;
    const newest = versions.filter((v) => v.enabled && v !== own && created(v) > created(own)).sort((a, b) => created(b) - created(a))[0];
    return {
        kind: 'found',
        value: {
            vaultHost,
            name,
            version: own.version,
            enabled: own.enabled,
            createdOn: own.createdOn,
            expiresOn: own.expiresOn,
            notBefore: own.notBefore,
            newerEnabled: newest ? { version: newest.version, createdOn: newest.createdOn } : undefined,
        },
    };
}

// EXTERNAL MODULE: ./lib/manifests/rest.js
var manifests_rest = __webpack_require__(2324);
// EXTERNAL MODULE: ./lib/azure/secret-values.js
var secret_values = __webpack_require__(9132);
;// CONCATENATED MODULE: ./lib/azure/ml.js




const LIST_SECRETS_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action';
const stringDict = (v) => Object.fromEntries(Object.entries((0,json/* obj */.WL)(v)).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => [k, String(x)]));
const numberDict = (v) => Object.fromEntries(Object.entries((0,json/* obj */.WL)(v)).filter(([, x]) => typeof x === 'number'));
function readWorkspace(s) {
    return lookup(async () => parseWorkspace((await s.arm.send({ method: 'GET', path: s.workspacePath, apiVersion: ML_API_VERSION })).body), 'Microsoft.MachineLearningServices/workspaces/read');
}
function parseWorkspace(body) {
    const b = (0,json/* obj */.WL)(body);
    const p = (0,json/* obj */.WL)(b.properties);
    return {
        id: (0,json/* str */.gx)(b.id) ?? '',
        location: ((0,json/* str */.gx)(b.location) ?? '').toLowerCase().replace(/\s+/g, ''),
        storageAccountId: (0,json/* str */.gx)(p.storageAccount),
        containerRegistryId: (0,json/* str */.gx)(p.containerRegistry),
        keyVaultId: (0,json/* str */.gx)(p.keyVault),
    };
}
function readEndpoint(s, name) {
    return read_lookup(async () => parseEndpoint((await s.arm.send({ method: 'GET', path: `${s.workspacePath}/onlineEndpoints/${name}`, apiVersion: manifests_rest/* ML_API_VERSION */.W8 })).body), 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read');
}
function parseEndpoint(body) {
    const b = (0,json/* obj */.WL)(body);
    const p = (0,json/* obj */.WL)(b.properties);
    return {
        name: (0,json/* str */.gx)(b.name) ?? '',
        provisioningState: (0,json/* str */.gx)(p.provisioningState) ?? 'Unknown',
        identity: parseIdentity(b.identity),
        authMode: (0,json/* str */.gx)(p.authMode),
        traffic: numberDict(p.traffic),
        mirrorTraffic: numberDict(p.mirrorTraffic),
        scoringUri: (0,json/* str */.gx)(p.scoringUri),
        swaggerUri: (0,json/* str */.gx)(p.swaggerUri),
        ...((0,json/* str */.gx)(p.compute) ? { compute: (0,json/* str */.gx)(p.compute) } : {}),
        properties: stringDict(p.properties),
        body: b,
    };
}
const IDENTITY_TYPES = ['SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned', 'None'];
function parseIdentity(value) {
    const i = (0,json/* obj */.WL)(value);
    const typeText = ((0,json/* str */.gx)(i.type) ?? 'None').replace(/\s+/g, '').toLowerCase();
    const type = IDENTITY_TYPES.find((t) => t.toLowerCase() === typeText) ?? 'None';
    const userAssigned = {};
    for (const [id, v] of Object.entries((0,json/* obj */.WL)(i.userAssignedIdentities))) {
        userAssigned[id.toLowerCase()] = { principalId: (0,json/* str */.gx)((0,json/* obj */.WL)(v).principalId), clientId: (0,json/* str */.gx)((0,json/* obj */.WL)(v).clientId) };
    }
    return { type, principalId: (0,json/* str */.gx)(i.principalId), userAssigned };
}
/** The endpoint's deployments by name; an endpoint that does not exist has none (missing). */
function readDeployments(s, endpointName) {
    return read_lookup(async () => {
        const items = await listAll(s.arm, { method: 'GET', path: `${s.workspacePath}/onlineEndpoints/${endpointName}/deployments`, apiVersion: manifests_rest/* ML_API_VERSION */.W8 });
        return Object.fromEntries(items.map(parseDeployment).map((d) => [d.name.toLowerCase(), d]));
    }, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read');
}
function parseDeployment(body) {
    const b = (0,json/* obj */.WL)(body);
    const p = (0,json/* obj */.WL)(b.properties);
    const capacity = (0,json/* obj */.WL)(b.sku).capacity;
    return {
        name: (0,json/* str */.gx)(b.name) ?? '',
        provisioningState: (0,json/* str */.gx)(p.provisioningState) ?? 'Unknown',
        instanceType: (0,json/* str */.gx)(p.instanceType),
        instanceCount: typeof capacity === 'number' ? capacity : undefined,
        body: b,
    };
}
/**
 * One `listsecrets` per connection. The answer carries credential values: they stay inside this
 * function, which keeps only the key names (docs/architecture.md §4).
 */
function readConnection(s, name) {
    return read_lookup(async () => {
        const body = (await s.arm.send({ method: 'POST', path: `${s.workspacePath}/connections/${name}/listsecrets`, apiVersion: manifests_rest/* ML_API_VERSION */.W8 })).body;
        // The values are masks before anything can print them.
        (0,secret_values/* holdSecretValues */.c)((0,json/* obj */.WL)((0,json/* obj */.WL)(body).properties).credentials);
        return connectionFacts(name, body);
    }, LIST_SECRETS_PERMISSION);
}
/** Key names of a `listsecrets` answer; never a value. CustomKeys keep theirs under `credentials.keys`. */
function connectionFacts(name, body) {
    const p = (0,json/* obj */.WL)((0,json/* obj */.WL)(body).properties);
    const authType = (0,json/* str */.gx)(p.authType);
    const credentials = (0,json/* obj */.WL)(p.credentials);
    const credentialSource = authType?.toLowerCase() === 'customkeys' ? (0,json/* obj */.WL)(credentials.keys) : credentials;
    return {
        name: (0,json/* str */.gx)((0,json/* obj */.WL)(body).name) ?? name,
        authType,
        target: (0,json/* str */.gx)(p.target) !== undefined,
        credentialKeys: Object.keys(credentialSource).filter((k) => credentialSource[k] !== null && credentialSource[k] !== undefined),
        metadataKeys: Object.keys((0,json/* obj */.WL)(p.metadata)),
    };
}
/** Names of every connection in the workspace (no secrets): read only when a referenced one is missing, to suggest the closest. */
async function readConnectionNames(s) {
    const l = await read_lookup(async () => (await listAll(s.arm, { method: 'GET', path: `${s.workspacePath}/connections`, apiVersion: manifests_rest/* ML_API_VERSION */.W8 })).map((c) => (0,json/* str */.gx)(c.name) ?? ''));
    return l.kind === 'found' ? l.value.filter(Boolean) : undefined;
}
/** The ARM path of a registered asset reference, or undefined when it cannot be read here (registry, curated). */
function assetPath(s, ref) {
    switch (ref.kind) {
        case 'version':
            return { path: `${s.workspacePath}/${ref.type}/${ref.name}/versions/${ref.version}`, latest: false };
        case 'label':
            return ref.label === 'latest' ? { path: `${s.workspacePath}/${ref.type}/${ref.name}/versions`, latest: true } : undefined;
        case 'arm':
            return { path: ref.id, latest: false };
        default:
            return undefined;
    }
}
/** One GET per distinct asset version; `@latest` lists the versions newest first and takes one. */
function readAsset(s, ref) {
    const target = assetPath(s, ref);
    if (!target)
        return undefined;
    return read_lookup(async () => {
        if (!target.latest)
            return { id: (0,json/* str */.gx)((0,json/* obj */.WL)((await s.arm.send({ method: 'GET', path: target.path, apiVersion: manifests_rest/* ML_API_VERSION */.W8 })).body).id) ?? target.path };
        const res = await s.arm.send({ method: 'GET', path: target.path, apiVersion: manifests_rest/* ML_API_VERSION */.W8, query: { $orderBy: 'createdtime desc', $top: '1' } });
        const newest = newestVersion(res.body?.value ?? []);
        if (!newest)
            throw new NoVersions();
        return { id: (0,json/* str */.gx)(newest.id) ?? target.path };
    }, `Microsoft.MachineLearningServices/workspaces/${ref.type}/versions/read`).then((l) => (l.kind === 'unreadable' && l.why === NoVersions.WHY ? { kind: 'missing' } : l));
}
/** The service orders by `$orderBy`; picking by creation time as well keeps a server that ignores it honest. */
function newestVersion(items) {
    const created = (v) => Date.parse((0,json/* str */.gx)((0,json/* obj */.WL)(v.systemData).createdAt) ?? '') || 0;
    return items.reduce((best, v) => (best === undefined || created(v) > created(best) ? v : best), undefined);
}
class NoVersions extends Error {
    static WHY = 'the asset has no versions';
    constructor() {
        super(NoVersions.WHY);
    }
}
function readVmSizes(s, location) {
    return read_lookup(async () => {
        const res = await s.arm.send({ method: 'GET', path: `/subscriptions/${s.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/vmSizes`, apiVersion: manifests_rest/* ML_API_VERSION */.W8 });
        return (res.body?.value ?? []).map((v) => ({ name: (0,json/* str */.gx)(v.name) ?? '', family: (0,json/* str */.gx)(v.family) ?? '', vCPUs: typeof v.vCPUs === 'number' ? v.vCPUs : 0 }));
    }).then(notServedIsUnreadable);
}
function readUsages(s, location) {
    return read_lookup(async () => {
        const items = await listAll(s.arm, { method: 'GET', path: `/subscriptions/${s.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/usages`, apiVersion: manifests_rest/* ML_API_VERSION */.W8 });
        return items.map((u) => ({ family: (0,json/* str */.gx)((0,json/* obj */.WL)(u.name).value) ?? '', current: Number(u.currentValue ?? 0), limit: Number(u.limit ?? 0) }));
    }).then(notServedIsUnreadable);
}
/** A list that answers 404 is not "no VM sizes": the region or the API is not available to read. */
function notServedIsUnreadable(l) {
    return l.kind === 'missing' ? { kind: 'unreadable', why: 'the region does not answer this list' } : l;
}

;// CONCATENATED MODULE: ./lib/azure/workspace.js





/** Microsoft.Resources api-version for the subscription and resource-group lists (in the Resources REST spec). */
const RESOURCES_API_VERSION = '2022-12-01';
const WORKSPACE_READ_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/read';
/** One GET of the workspace; on a 404 or 403, one list at the level ARM names as wrong. */
async function readWorkspaceAddress(s) {
    const address = { subscriptionId: s.subscriptionId, resourceGroup: s.resourceGroup, workspaceName: s.workspaceName };
    try {
        const res = await s.arm.send({ method: 'GET', path: s.workspacePath, apiVersion: manifests_rest/* ML_API_VERSION */.W8 });
        return { workspace: { kind: 'found', value: parseWorkspace(res.body) }, address };
    }
    catch (error) {
        const workspace = failedLookup(error, WORKSPACE_READ_PERMISSION);
        if (!(error instanceof rest/* ArmError */.dW))
            return { workspace, address };
        const problem = classify(error);
        if (!problem)
            return { workspace, address };
        address.problem = problem;
        address.answer = `${error.status} ${error.code} on ${error.method} ${error.path}`;
        const existing = await listLevel(s, problem);
        if (existing)
            address.existing = existing;
        // A 404 at any level is `missing`; a refusal stays `unreadable`.
        return { workspace: problem === 'refused' ? workspace : { kind: 'missing' }, address };
    }
}
/** The part of the address ARM's answer names; undefined for a failure that says nothing about it (5xx, network). */
function classify(error) {
    if (error.status === 401 || error.status === 403)
        return 'refused';
    if (error.status !== 404)
        return undefined;
    if (error.code === 'SubscriptionNotFound')
        return 'subscription-not-found';
    if (error.code === 'ResourceGroupNotFound')
        return 'resource-group-not-found';
    return 'workspace-not-found';
}
/** Names one level above the wrong part; undefined when the list is refused or fails (never a guess). */
async function listLevel(s, problem) {
    try {
        if (problem === 'subscription-not-found') {
            const items = await listAll(s.arm, { method: 'GET', path: '/subscriptions', apiVersion: RESOURCES_API_VERSION });
            return items.map((i) => ({ name: (0,json/* str */.gx)(i.subscriptionId) ?? '', displayName: (0,json/* str */.gx)(i.displayName) })).filter((i) => i.name);
        }
        if (problem === 'resource-group-not-found') {
            const items = await listAll(s.arm, { method: 'GET', path: `/subscriptions/${s.subscriptionId}/resourcegroups`, apiVersion: RESOURCES_API_VERSION });
            return items.map((i) => ({ name: (0,json/* str */.gx)(i.name) ?? '' })).filter((i) => i.name);
        }
        if (problem === 'workspace-not-found') {
            const path = `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces`;
            const items = await listAll(s.arm, { method: 'GET', path, apiVersion: manifests_rest/* ML_API_VERSION */.W8 });
            // Hubs and projects are workspaces too (`kind`); all of them can hold endpoints.
            return items.map((i) => ({ name: (0,json/* str */.gx)(i.name) ?? '', displayName: (0,json/* str */.gx)((0,json/* obj */.WL)(i.properties).friendlyName) })).filter((i) => i.name);
        }
        return undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/azure/compute.js



const COMPUTE_READ_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/computes/read';
/** `name` in the workspace, or a compute ARM id (possibly of another workspace) used as the path. */
function readCompute(s, nameOrId) {
    const path = nameOrId.startsWith('/') ? nameOrId : `${s.workspacePath}/computes/${encodeURIComponent(nameOrId)}`;
    return read_lookup(async () => parseCompute((await s.arm.send({ method: 'GET', path, apiVersion: manifests_rest/* ML_API_VERSION */.W8 })).body), COMPUTE_READ_PERMISSION);
}
function parseCompute(body) {
    const b = (0,json/* obj */.WL)(body);
    const p = (0,json/* obj */.WL)(b.properties);
    const k8s = (0,json/* obj */.WL)(p.properties);
    const defaultInstanceType = (0,json/* str */.gx)(k8s.defaultInstanceType);
    return { name: (0,json/* str */.gx)(b.name) ?? '', computeType: (0,json/* str */.gx)(p.computeType) ?? '', instanceTypes: Object.keys((0,json/* obj */.WL)(k8s.instanceTypes)), ...(defaultInstanceType ? { defaultInstanceType } : {}) };
}

// EXTERNAL MODULE: ./lib/checks/assets.js
var assets = __webpack_require__(3454);
;// CONCATENATED MODULE: ./lib/azure/registry.js
// Registry assets a deployment names (`azureml://registries/<reg>/<type>/<name>/versions/<v>` or
// `…/labels/latest`), read the way azure-ai-ml reads them (`_utils/_registry_utils.py`
// RegistryDiscovery / get_registry_client; `_utils/_asset_utils.py` _get_latest_version_from_container):
//  1. one discovery GET per registry on the cloud's discovery host (src/azure/clouds.ts), no
//     api-version, which names the registry's subscription, resource group and primary-region
//     resource-provider host (`primaryRegionResourceProviderUri`);
//  2. on that host under `mferp/managementfrontend`, api-version 2021-10-01-dataplanepreview: the
//     version, or for `labels/latest` the container's `latestVersion`.
// Both carry the ARM token (the SDK builds both clients with the ARM credential scopes), and only to
// an Azure ML host of the session's cloud. A version that does not exist costs one container GET
// more, for its latest version (did you mean). Read-only. docs/online-checks.md §assets.



/** The api-version of azure-ai-ml's registry client (`_restclient/v2021_10_01_dataplanepreview`). */
const REGISTRY_API_VERSION = '2021-10-01-dataplanepreview';
/** What reading a registry asset needs (the Reader role grants it; docs: "Manage Azure Machine Learning registries", RBAC). */
const REGISTRY_ASSET_READ_PERMISSION = 'Microsoft.MachineLearningServices/registries/assets/read';
/**
 * A reader shared by every reference of a run: one discovery per registry and one read per distinct
 * asset, however many deployments name them. Undefined for a URI that is not shaped as an asset.
 */
function registryReader(s) {
    const discoveries = new Once();
    const reads = new Once();
    return (ref) => {
        const parts = (0,assets/* parseRegistryUri */.zq)(ref.uri);
        if (!parts)
            return undefined;
        const key = [parts.registry.toLowerCase(), parts.type.toLowerCase(), parts.name, parts.version ? `versions/${parts.version}` : `labels/${parts.label ?? ''}`].join('/');
        return reads.get(key, () => registry_readAsset(s, parts, (host) => discoveries.get(parts.registry.toLowerCase(), () => discover(s, host, parts.registry))));
    };
}
const enc = encodeURIComponent;
async function registry_readAsset(s, parts, discovery) {
    const host = s.cloud.registryDiscovery;
    if (!host)
        return { asset: { kind: 'unreadable', why: `this action does not know where ${s.cloud.name} discovers Azure ML registries` } };
    if (!parts.version && parts.label?.toLowerCase() !== 'latest')
        return { asset: { kind: 'unreadable', why: `only labels/latest is resolved before the deployment; label ${parts.label ?? ''} is resolved by the service` } };
    const found = await discovery(host);
    const registry = parts.registry;
    if (found.kind === 'missing')
        return { asset: { kind: 'missing' }, miss: { registry, missing: 'registry' } };
    if (found.kind === 'unreadable')
        return { asset: found };
    const d = found.value;
    const assetUrl = `${d.base}/subscriptions/${enc(d.subscriptionId)}/resourceGroups/${enc(d.resourceGroup)}/providers/Microsoft.MachineLearningServices/registries/${enc(registry)}/${enc(parts.type)}/${enc(parts.name)}`;
    const get = async (url) => (0,json/* obj */.WL)((await s.arm.send({ method: 'GET', path: `${url}?api-version=${REGISTRY_API_VERSION}`, apiVersion: REGISTRY_API_VERSION })).body);
    const latest = () => read_lookup(async () => (0,json/* str */.gx)((0,json/* obj */.WL)((await get(assetUrl)).properties).latestVersion), REGISTRY_ASSET_READ_PERMISSION);
    const uri = (version) => `azureml://registries/${registry}/${parts.type}/${parts.name}/versions/${version}`;
    if (!parts.version) {
        const container = await latest();
        if (container.kind === 'unreadable')
            return { asset: container };
        if (container.kind === 'found' && container.value)
            return { asset: { kind: 'found', value: { id: uri(container.value) } } };
        return { asset: { kind: 'missing' }, miss: { registry, missing: 'name' } };
    }
    const version = parts.version;
    const asset = await read_lookup(async () => {
        await get(`${assetUrl}/versions/${enc(version)}`);
        return { id: uri(version) };
    }, REGISTRY_ASSET_READ_PERMISSION);
    if (asset.kind !== 'missing')
        return { asset };
    const container = await latest();
    if (container.kind === 'missing')
        return { asset, miss: { registry, missing: 'name' } };
    return { asset, miss: { registry, missing: 'version', ...(container.kind === 'found' && container.value ? { latestVersion: container.value } : {}) } };
}
/** The discovery GET: where the registry lives. A host outside the cloud's Azure ML hosts is refused (the ARM token is not sent there). */
function discover(s, host, registry) {
    return read_lookup(async () => {
        const body = (0,json/* obj */.WL)((await s.arm.send({ method: 'GET', path: `${host}/registrymanagement/v1.0/registries/${enc(registry)}/discovery`, apiVersion: '' })).body);
        const provider = (0,json/* str */.gx)(body.primaryRegionResourceProviderUri);
        const subscriptionId = (0,json/* str */.gx)(body.subscriptionId);
        const resourceGroup = (0,json/* str */.gx)(body.resourceGroup);
        if (!provider || !subscriptionId || !resourceGroup)
            throw new Error(`the discovery of registry ${registry} named no resource-provider host, subscription or resource group`);
        const providerHost = /^https:\/\/([^/:]+)(?::443)?(?:\/|$)/i.exec(provider)?.[1]?.toLowerCase();
        if (!providerHost || !s.cloud.registryHostSuffixes.some((suffix) => providerHost.endsWith(suffix))) {
            throw new Error(`the discovery of registry ${registry} named ${providerHost ?? 'a host'}, which is not an Azure ML host of ${s.cloud.name}, so the token is not sent there`);
        }
        return { base: `${provider.replace(/\/+$/, '')}/mferp/managementfrontend`, subscriptionId, resourceGroup };
    });
}

// EXTERNAL MODULE: ./lib/findings/finding.js
var finding = __webpack_require__(65);
// EXTERNAL MODULE: ./lib/manifests/edit-distance.js
var edit_distance = __webpack_require__(772);
// EXTERNAL MODULE: ./lib/checks/check.js
var check = __webpack_require__(3155);
;// CONCATENATED MODULE: ./lib/checks/kubernetes-compute.js
// A Kubernetes endpoint's `compute:` (docs/online-checks.md §kubernetes-compute), from the endpoint
// file or, with deployment files only, the live endpoint's `properties.compute`: the attached
// compute exists in the workspace, is a Kubernetes compute, and defines the `instance_type` each
// of its deployments asks for (the cluster's instance types, `properties.properties.instanceTypes`).



/**
 * A cluster whose extension defines no instance types serves only the one it creates,
 * `defaultinstancetype` (assumed from the Azure ML extension docs, "Create and select Kubernetes
 * instance types": "If you don't specify an instance type, the default one is used").
 */
const BUILT_IN_INSTANCE_TYPE = 'defaultinstancetype';
/** The key a compute is read and looked up by: its name (the last segment of an ARM id), lower-cased. */
function computeKey(ref) {
    const text = ref.name ?? ref.id?.split('/').filter(Boolean).pop();
    return text?.toLowerCase();
}
/**
 * The compute the deployments run on: the endpoint file's `compute:`, or, when only deployment
 * files were given, the live endpoint's `properties.compute` (an ARM id).
 */
function endpointCompute(ctx) {
    if (ctx.endpoint)
        return ctx.endpoint.compute ? { ref: ctx.endpoint.compute, live: false } : undefined;
    const live = ctx.facts.endpoint.kind === 'found' ? ctx.facts.endpoint.value.compute : undefined;
    return live && ctx.deployments.length > 0 ? { ref: { id: live }, live: true } : undefined;
}
const kubernetesComputeCheck = (0,check/* defineCheck */.qH)('kubernetes-compute', ['compute-not-found', 'instance-type-unavailable', 'cannot-verify'], (ctx) => {
    const compute = endpointCompute(ctx);
    const key = compute ? computeKey(compute.ref) : undefined;
    if (!compute || !key)
        return {};
    const name = compute.ref.name ?? compute.ref.id?.split('/').filter(Boolean).pop() ?? key;
    const shown = compute.live ? `${name} (properties.compute of the live endpoint ${ctx.endpointName}; no endpoint file was given)` : name;
    const target = compute.live ? `deployments of endpoint ${ctx.endpointName} cannot run on it` : 'the Kubernetes endpoint cannot be created on it';
    const where = (0,check/* endpointPosition */.FT)(ctx, (s) => s.compute);
    const read = (0,check/* lookupCI */.d5)(ctx.facts.computes ?? {}, key);
    if (!read)
        return {};
    if (read.kind === 'unreadable') {
        return { findings: [(0,finding/* makeFinding */.MH)('cannot-verify', where, `Cannot verify that compute ${shown} exists and is Kubernetes: ${read.why}.`, { hint: `Give the workflow identity ${read.permission ?? 'Microsoft.MachineLearningServices/workspaces/computes/read'} on the workspace.` })] };
    }
    if (read.kind === 'missing') {
        return {
            findings: [
                (0,finding/* makeFinding */.MH)('compute-not-found', where, `compute ${shown}: the workspace has no compute of that name, so ${target}.`, compute.live ? {
                    hint: `The endpoint's cluster was detached or deleted: attach it again (az ml compute attach --type Kubernetes --name ${name} …), or recreate the endpoint from an endpoint file whose compute: names an attached cluster.`,
                } : {}),
            ],
        };
    }
    if (read.value.computeType.toLowerCase() !== 'kubernetes') {
        return {
            findings: [
                (0,finding/* makeFinding */.MH)('compute-not-found', where, `compute ${shown} is a ${read.value.computeType || 'compute of unknown type'}, not an attached Kubernetes cluster: online endpoints run on managed compute (drop compute:) or on Kubernetes.`, {
                    hint: 'Attach a Kubernetes cluster (az ml compute attach --type Kubernetes …) and name it here, or remove compute: for a managed endpoint.',
                }),
            ],
        };
    }
    return { findings: ctx.deployments.flatMap((d) => instanceTypeProblem(ctx, d, read.value)) };
});
function instanceTypeProblem(ctx, d, compute) {
    if (d.computeType !== 'Kubernetes' || !d.instanceType)
        return [];
    const offered = compute.instanceTypes.length ? compute.instanceTypes : [BUILT_IN_INSTANCE_TYPE];
    if (offered.includes(d.instanceType))
        return [];
    const span = d.spans.instanceType ?? d.spans.name;
    const position = span ? (0,check.at)(d.file, span) : (0,check/* endpointPosition */.FT)(ctx, (s) => s.compute);
    const caseOnly = offered.find((t) => t.toLowerCase() === d.instanceType?.toLowerCase());
    const near = caseOnly ?? (0,edit_distance/* closest */.k)(d.instanceType, offered);
    return [
        (0,finding/* makeFinding */.MH)('instance-type-unavailable', position, `instance_type ${d.instanceType}: Kubernetes compute ${compute.name} defines no such instance type${caseOnly ? ' (names are case-sensitive)' : ''}. It defines: ${offered.join(', ')}${compute.defaultInstanceType ? ` (default ${compute.defaultInstanceType})` : ''}.`, {
            hint: near ? `Did you mean ${near}? instance_type: ${near}` : `Use one of the cluster's instance types, or create ${d.instanceType} on the cluster (an InstanceType resource of the Azure ML extension).`,
        }),
    ];
}

// EXTERNAL MODULE: ./lib/checks/rbac.js
var rbac = __webpack_require__(4191);
;// CONCATENATED MODULE: ./lib/azure/rbac.js


const AUTHORIZATION_API_VERSION = '2022-04-01';
const ROLE_ASSIGNMENTS_READ = 'Microsoft.Authorization/roleAssignments/read';
/** The signed-in identity's permissions at `scope` (an ARM resource or resource-group id). */
function readCallerPermissions(arm, scope) {
    return read_lookup(async () => (await listAll(arm, { method: 'GET', path: `${trimSlash(scope)}/providers/Microsoft.Authorization/permissions`, apiVersion: AUTHORIZATION_API_VERSION })).map(parsePermission));
}
function parsePermission(value) {
    const p = (0,json/* obj */.WL)(value);
    return { actions: (0,json/* strings */.P$)(p.actions), notActions: (0,json/* strings */.P$)(p.notActions), dataActions: (0,json/* strings */.P$)(p.dataActions), notDataActions: (0,json/* strings */.P$)(p.notDataActions) };
}
/** Assignments that apply to `principalId` (or a group it is in) at `scope`, inherited ones included. */
function readAssignments(arm, principalId, scope) {
    return read_lookup(async () => (await listAll(arm, {
        method: 'GET',
        path: `${trimSlash(scope)}/providers/Microsoft.Authorization/roleAssignments`,
        apiVersion: AUTHORIZATION_API_VERSION,
        query: { $filter: `assignedTo('${principalId}')` },
    })).map(parseAssignment), ROLE_ASSIGNMENTS_READ);
}
function parseAssignment(value) {
    const a = (0,json/* obj */.WL)(value);
    const p = (0,json/* obj */.WL)(a.properties);
    return {
        id: (0,json/* str */.gx)(a.id) ?? '',
        principalId: (0,json/* str */.gx)(p.principalId) ?? '',
        roleDefinitionId: (0,json/* str */.gx)(p.roleDefinitionId) ?? '',
        scope: (0,json/* str */.gx)(p.scope) ?? '',
        condition: (0,json/* str */.gx)(p.condition),
        createdOn: (0,json/* str */.gx)(p.createdOn),
    };
}
/** A role definition by its full id (`/subscriptions/…/roleDefinitions/{guid}`, as assignments name it). */
function readRoleDefinition(arm, roleDefinitionId) {
    return read_lookup(async () => parseRoleDefinition((await arm.send({ method: 'GET', path: roleDefinitionId, apiVersion: AUTHORIZATION_API_VERSION })).body));
}
function parseRoleDefinition(value) {
    const d = (0,json/* obj */.WL)(value);
    const p = (0,json/* obj */.WL)(d.properties);
    return { id: (0,json/* str */.gx)(d.id) ?? '', roleName: (0,json/* str */.gx)(p.roleName) ?? '', permissions: (Array.isArray(p.permissions) ? p.permissions : []).map(parsePermission) };
}
function trimSlash(scope) {
    return scope.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./lib/azure/gather.js










async function gatherFacts(session, input, clock = () => new Date()) {
    const started = performance.now();
    const { arm } = session;
    const ml = { arm, subscriptionId: session.subscriptionId, workspacePath: session.workspacePath };
    const kvRefs = input.references.filter((r) => r.kind === 'keyvault');
    const referencedConnections = unique(input.references.flatMap((r) => (r.kind === 'keyvault' ? [] : [r.connection])));
    // Round 1: everything whose address the files alone give.
    const workspaceRead = readWorkspaceAddress({ ...ml, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName });
    const workspace = workspaceRead.then((r) => r.workspace);
    // Files that did not parse name no endpoint: there is nothing of it to read (their findings say why).
    const unnamed = Promise.resolve({ kind: 'unreadable', why: 'the files name no endpoint (see the findings above)' });
    const endpoint = input.endpointName ? readEndpoint(ml, input.endpointName) : unnamed;
    const deployments = input.endpointName ? readDeployments(ml, input.endpointName) : unnamed;
    const connections = Object.fromEntries(referencedConnections.map((name) => [name, readConnection(ml, name)]));
    const versionLists = new Once();
    const versionListOf = new Map();
    const secretVersions = {};
    for (const ref of kvRefs) {
        const list = versionLists.get(`${ref.vaultHost.toLowerCase()}/${ref.secretName.toLowerCase()}`, () => readSecretVersions(session.keyVault, ref.vaultUrl, ref.secretName));
        versionListOf.set(ref, list);
        secretVersions[ref.secretId] ??= list.then((l) => (l.kind === 'found' ? secretVersionFacts(ref.vaultHost, ref.secretName, ref.version, l.value) : l));
    }
    const vaults = new Once();
    const vaultByHost = {};
    for (const ref of kvRefs) {
        vaultByHost[ref.vaultHost] ??= vaults.get(ref.vaultHost.toLowerCase(), () => findVault(session, ref, workspace));
    }
    const uaiIds = unique((input.endpoint?.identity?.userAssignedIdentities ?? []).map((u) => u.resourceId));
    const userAssigned = Object.fromEntries(uaiIds.map((id) => [id.toLowerCase(), readUserAssignedIdentity(arm, id)]));
    const { assets, misses: registryMisses } = readAssets(ml, registryReader({ arm, cloud: session.cloud }), input.deployments);
    // A Kubernetes endpoint's compute: one GET (type and instance types), as soon as its name is known.
    const computes = readEndpointCompute(ml, input, endpoint);
    const callerPermissions = {
        [session.workspacePath]: readCallerPermissions(arm, session.workspacePath),
    };
    // Round 2: what needs round 1 (vault ids, principals, the region).
    const vaultIds = Promise.all(Object.values(vaultByHost)).then((ls) => unique(ls.flatMap((l) => (l.kind === 'found' && l.value.resourceId ? [l.value.resourceId] : []))));
    const { address: workspaceAddress } = await workspaceRead;
    // A workspace that is not there (or refused) makes every other answer meaningless: no round 2
    // (the workspace check reports the one finding; docs/online-checks.md §workspace).
    const blocked = workspaceAddress.problem !== undefined;
    const callerAtVaults = vaultIds.then((ids) => (blocked ? [] : Promise.all(ids.map(async (id) => [id, await readCallerPermissions(arm, id)]))));
    const principals = blocked ? [] : endpointPrincipals(await endpoint, await Promise.all(Object.values(userAssigned)));
    const ws = await workspace;
    const scopesFor = async (p) => {
        const scopes = [session.workspacePath, ...(await vaultIds)];
        if (!p.systemAssigned && ws.kind === 'found')
            scopes.push(...[ws.value.containerRegistryId, ws.value.storageAccountId].filter((s) => Boolean(s)));
        return unique(scopes);
    };
    const assignmentReads = new Once();
    const principalFacts = Promise.all(principals.map(async (p) => {
        const scopes = await scopesFor(p);
        const reads = await Promise.all(scopes.map((scope) => assignmentReads.get(`${p.objectId}|${scope.toLowerCase()}`, () => readAssignments(arm, p.objectId, scope))));
        return [p.objectId, { objectId: p.objectId, assignments: mergeAssignments(reads) }];
    }));
    // A referenced secret that does not exist: one names listing per such vault, for the closest name.
    const secretNames = Promise.all([...versionListOf].map(async ([ref, list]) => [ref, await list])).then(async (lists) => {
        const missingByVault = new Map();
        for (const [ref, l] of lists) {
            if (l.kind !== 'missing')
                continue;
            const entry = missingByVault.get(ref.vaultHost.toLowerCase()) ?? { url: ref.vaultUrl, missing: [] };
            if (!entry.missing.includes(ref.secretName))
                entry.missing.push(ref.secretName);
            missingByVault.set(ref.vaultHost.toLowerCase(), entry);
        }
        const vaultsNow = await Promise.all(Object.values(vaultByHost));
        const missingVault = (host) => vaultsNow.some((v, i) => v.kind === 'missing' && Object.keys(vaultByHost)[i]?.toLowerCase() === host);
        const entries = await Promise.all([...missingByVault].filter(([host]) => !blocked && !missingVault(host)).map(async ([host, e]) => [host, { missing: e.missing, names: await readSecretNames(session.keyVault, e.url) }]));
        return entries.length ? Object.fromEntries(entries) : undefined;
    });
    const workspaceConnections = Promise.all(Object.values(connections)).then((ls) => (!blocked && ls.some((l) => l.kind === 'missing') ? readConnectionNames(ml) : undefined));
    const location = ws.kind === 'found' ? ws.value.location : undefined;
    const needsQuota = input.deployments.some((d) => d.computeType === 'Managed' && d.instanceType);
    const unreadableRegion = Promise.resolve({ kind: 'unreadable', why: 'the workspace (and so its region) could not be read' });
    const vmSizes = location && needsQuota ? readVmSizes(ml, location) : unreadableRegion;
    const usages = location && needsQuota ? readUsages(ml, location) : unreadableRegion;
    // Round 3: the role definitions the assignments name.
    const principalEntries = await principalFacts;
    const definitionIds = unique(principalEntries.flatMap(([, p]) => (p.assignments.kind === 'found' ? p.assignments.value.map((a) => a.roleDefinitionId) : [])));
    const definitionsByKey = new Map();
    for (const id of definitionIds)
        if (!definitionsByKey.has((0,rbac/* roleDefinitionKey */.BP)(id)))
            definitionsByKey.set((0,rbac/* roleDefinitionKey */.BP)(id), id);
    const definitions = await Promise.all([...definitionsByKey].map(async ([key, id]) => [key, await readRoleDefinition(arm, id)]));
    const roleDefinitions = {};
    for (const [key, def] of definitions)
        if (def.kind === 'found')
            roleDefinitions[key] = def.value;
    const caller = { objectId: session.caller.objectId, permissions: {} };
    for (const [scope, p] of Object.entries(callerPermissions))
        caller.permissions[scope] = await p;
    for (const [scope, p] of await callerAtVaults)
        caller.permissions[scope] = p;
    const facts = {
        now: clock().toISOString(),
        workspace: ws,
        workspaceAddress,
        endpoint: await endpoint,
        deployments: await deployments,
        connections: await settle(connections),
        connectionNames: await workspaceConnections,
        vaults: await settle(vaultByHost),
        secretVersions: await settle(secretVersions),
        secretNames: await secretNames,
        caller,
        principals: Object.fromEntries(principalEntries),
        userAssignedIdentities: await settle(userAssigned),
        roleDefinitions,
        assets: await settle(assets),
        registryMisses: await registryMisses,
        computes: await computes,
        vmSizes: await vmSizes,
        usages: await usages,
    };
    return {
        facts,
        reads: {
            connections: referencedConnections.length,
            secrets: versionLists.size,
            vaults: vaults.size,
            principalScopes: assignmentReads.size,
            roleDefinitions: definitionsByKey.size,
            assets: Object.keys(assets).length,
            registryAssets: Object.keys(assets).filter((text) => text.startsWith('azureml://registries/')).length,
            computes: Object.keys(facts.computes ?? {}).length,
            secretNameLists: Object.keys(facts.secretNames ?? {}).length,
            addressLists: workspaceAddress.problem && workspaceAddress.problem !== 'refused' ? 1 : 0,
            durationMs: Math.round(performance.now() - started),
        },
    };
}
/**
 * A reference names the vault by host only; its ARM id needs the resource group. The vault is
 * looked for in the workspace's resource group, then (when the names match) where the workspace's
 * own vault lives. Not found in either: `unreadable` (the vault may live elsewhere), never `missing`.
 */
async function findVault(session, ref, workspace) {
    const inWorkspaceGroup = await readVault(session.arm, ref.vaultHost, vaultArmId(session.subscriptionId, session.resourceGroup, ref.vaultName));
    if (inWorkspaceGroup.kind !== 'missing')
        return inWorkspaceGroup;
    const ws = await workspace;
    const own = ws.kind === 'found' ? ws.value.keyVaultId : undefined;
    const ownGroup = own ? /\/resourceGroups\/([^/]+)\//i.exec(own)?.[1] : undefined;
    if (own && own.split('/').pop()?.toLowerCase() === ref.vaultName.toLowerCase() && ownGroup?.toLowerCase() !== session.resourceGroup.toLowerCase()) {
        const found = await readVault(session.arm, ref.vaultHost, own);
        if (found.kind !== 'missing')
            return found;
    }
    return { kind: 'unreadable', permission: 'Microsoft.KeyVault/vaults/read', why: `vault ${ref.vaultName} is not in resource group ${session.resourceGroup}; its permission model and role assignments cannot be read from here` };
}
/** The identities that will resolve references: the existing endpoint's system identity and every user-assigned one. */
function endpointPrincipals(endpoint, uais) {
    const found = [];
    if (endpoint.kind === 'found') {
        const id = endpoint.value.identity;
        if (id.principalId && id.type.includes('SystemAssigned'))
            found.push({ objectId: id.principalId, systemAssigned: true });
        for (const u of Object.values(id.userAssigned))
            if (u.principalId)
                found.push({ objectId: u.principalId, systemAssigned: false });
    }
    for (const u of uais)
        if (u.kind === 'found' && u.value.principalId)
            found.push({ objectId: u.value.principalId, systemAssigned: false });
    const seen = new Set();
    return found.filter((p) => !seen.has(p.objectId.toLowerCase()) && seen.add(p.objectId.toLowerCase()));
}
/** Assignments over all scopes of one principal; one unreadable scope makes the whole unreadable (it may hide the grant). */
function mergeAssignments(reads) {
    const bad = reads.find((r) => r.kind === 'unreadable');
    if (bad)
        return bad;
    const byId = new Map();
    for (const r of reads)
        if (r.kind === 'found')
            for (const a of r.value)
                byId.set(a.id.toLowerCase(), a);
    return { kind: 'found', value: [...byId.values()] };
}
/**
 * The compute a Kubernetes endpoint runs on: named by the endpoint file, or, when only deployment
 * files were given, by the live endpoint's `properties.compute` (read as soon as the endpoint GET
 * answers). No endpoint either: nothing to read (endpoint-not-found says why). docs/online-checks.md §kubernetes-compute.
 */
async function readEndpointCompute(ml, input, endpoint) {
    let named = input.endpoint?.compute;
    if (!input.endpoint && input.deployments.length > 0) {
        const live = await endpoint;
        if (live.kind === 'found' && live.value.compute)
            named = { id: live.value.compute };
    }
    const key = named ? computeKey(named) : undefined;
    if (!named || !key)
        return {};
    return { [key]: await readCompute(ml, named.id ?? named.name ?? key) };
}
/**
 * One read per distinct asset reference: workspace assets through ARM (src/azure/ml.ts), registry
 * assets through registry discovery and the registry's own host (src/azure/registry.ts), with, for
 * a registry asset that does not exist, what is missing.
 */
function readAssets(ml, registry, deployments) {
    const out = {};
    const misses = [];
    const refs = deployments.flatMap((d) => [d.model, d.environment, d.code].flatMap((a) => (a?.kind === 'ref' ? [a.ref] : [])));
    for (const ref of refs) {
        if (ref.text in out)
            continue;
        if (ref.kind === 'registry') {
            const read = registry(ref);
            if (!read)
                continue;
            out[ref.text] = read.then((r) => r.asset);
            misses.push(read.then((r) => [ref.text, r.miss]));
            continue;
        }
        const read = readAsset(ml, ref);
        if (read)
            out[ref.text] = read;
    }
    const settled = Promise.all(misses).then((entries) => entries.filter((e) => e[1] !== undefined));
    return { assets: out, misses: settled.then((entries) => (entries.length ? Object.fromEntries(entries) : undefined)) };
}
async function settle(record) {
    const entries = await Promise.all(Object.entries(record).map(async ([k, p]) => [k, await p]));
    return Object.fromEntries(entries);
}
function unique(values) {
    const seen = new Set();
    return values.filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

// EXTERNAL MODULE: ./lib/azure/session.js + 1 modules
var azure_session = __webpack_require__(7574);
// EXTERNAL MODULE: ./lib/secrets/scan.js + 1 modules
var scan = __webpack_require__(4102);
;// CONCATENATED MODULE: ./lib/checks/identity.js


/** The identity type the file asks for, as the SDK sends it (no identity block: SystemAssigned). */
function requestedIdentityType(ctx) {
    if (!ctx.endpoint)
        return undefined;
    return ctx.endpoint.identity?.type ?? 'SystemAssigned';
}
function endpointIdentity(ctx) {
    const live = ctx.facts.endpoint;
    if (live.kind === 'found')
        return fromLive(ctx, live.value.identity);
    if (live.kind === 'unreadable')
        return { kind: 'unknown', why: `the endpoint could not be read (${live.why})`, ...(live.permission ? { permission: live.permission } : {}) };
    const type = requestedIdentityType(ctx);
    if (type === undefined)
        return { kind: 'unknown', why: `endpoint ${ctx.endpointName} does not exist and no endpoint file was given` };
    if (type === 'None')
        return { kind: 'none' };
    if (type === 'SystemAssigned')
        return { kind: 'new-system' };
    const resourceId = ctx.endpoint?.identity?.userAssignedIdentities[0]?.resourceId ?? '';
    return userAssigned(ctx, resourceId, undefined);
}
function fromLive(ctx, identity) {
    if (identity.type === 'None')
        return { kind: 'none' };
    // With both, the user-assigned identity resolves the references (assumed, as the emulator does:
    // the docs do not say; the YAML cannot ask for both). docs/online-checks.md §endpoint-identity.
    const [resourceId, entry] = Object.entries(identity.userAssigned)[0] ?? [];
    if (resourceId !== undefined)
        return userAssigned(ctx, resourceId, entry?.principalId);
    if (identity.principalId)
        return { kind: 'existing', type: 'system', principalId: identity.principalId, label: `the system-assigned identity of endpoint ${ctx.endpointName} (${identity.principalId})` };
    return { kind: 'unknown', why: 'the endpoint has a system-assigned identity whose principal id was not returned' };
}
function userAssigned(ctx, resourceId, principalId) {
    const name = resourceId.split('/').pop() ?? resourceId;
    if (principalId)
        return { kind: 'existing', type: 'user', principalId, resourceId, label: `user-assigned identity ${name} (${principalId})` };
    const read = (0,check/* lookupCI */.d5)(ctx.facts.userAssignedIdentities, resourceId);
    if (!read)
        return { kind: 'unknown', why: `user-assigned identity ${name} was not read` };
    if (read.kind === 'missing')
        return { kind: 'unknown', why: `user-assigned identity ${resourceId} does not exist` };
    if (read.kind === 'unreadable')
        return { kind: 'unknown', why: `user-assigned identity ${name} could not be read (${read.why})`, permission: read.permission ?? 'Microsoft.ManagedIdentity/userAssignedIdentities/read' };
    return { kind: 'existing', type: 'user', principalId: read.value.principalId, resourceId, label: `user-assigned identity ${name} (${read.value.principalId})` };
}
/** The principal's role assignments as the adapters read them. */
function principalFacts(ctx, principalId) {
    return (0,check/* lookupCI */.d5)(ctx.facts.principals, principalId);
}
/**
 * Whether the endpoint will carry the enforce flag: the file's value when it sets one, otherwise the
 * live endpoint's (the service keeps keys of the properties bag that a PUT leaves out).
 */
function enforceFlagEnabled(ctx) {
    const fromFile = ctx.endpoint?.enforceAccessToDefaultSecretStores;
    if (fromFile)
        return fromFile === 'enabled';
    const live = ctx.facts.endpoint;
    if (live.kind !== 'found')
        return false;
    const value = Object.entries(live.value.properties).find(([k]) => k.toLowerCase() === 'enforce_access_to_default_secret_stores')?.[1];
    return value?.toLowerCase() === 'enabled';
}
function principalHolds(ctx, principalId, role, scope, partsCount = false) {
    const facts = principalFacts(ctx, principalId);
    if (!facts)
        return { state: 'unknown', why: `the role assignments of ${principalId} were not read`, permission: 'Microsoft.Authorization/roleAssignments/read' };
    if (facts.assignments.kind === 'unreadable') {
        return { state: 'unknown', why: `the role assignments of ${principalId} could not be read (${facts.assignments.why})`, permission: facts.assignments.permission ?? 'Microsoft.Authorization/roleAssignments/read' };
    }
    const assignments = facts.assignments.kind === 'found' ? facts.assignments.value : [];
    const verdict = (0,rbac/* evaluatePermission */.R6)({ assignments, roleDefinitions: ctx.facts.roleDefinitions, now: ctx.facts.now }, { principalId, permission: role.permission, scope, partsCount });
    if (verdict.holds === true)
        return { state: 'holds', notYetEffective: verdict.notYetEffective, grants: verdict.grants };
    if (verdict.holds === 'uncertain')
        return { state: 'unknown', why: verdict.uncertainties.join('; ') };
    return { state: 'missing' };
}
/** Whether the signed-in identity holds an operation at a scope, from its effective permissions. */
function callerHolds(ctx, scope, permission) {
    const exact = (0,check/* lookupCI */.d5)(ctx.facts.caller.permissions, scope);
    const candidates = exact ? [[scope, exact]] : Object.entries(ctx.facts.caller.permissions).filter(([s]) => (0,rbac/* scopeCovers */.pp)(s, scope) === true);
    let why;
    for (const [, lookup] of candidates) {
        if (lookup.kind === 'found' && (0,rbac/* blocksAllow */.GQ)(lookup.value, permission))
            return { state: 'holds' };
        if (lookup.kind === 'unreadable')
            why = lookup.why;
    }
    if (exact?.kind === 'found')
        return { state: 'missing' };
    return { state: 'unknown', why: why ?? `the signed-in identity's permissions on ${scope} were not read`, permission: 'Microsoft.Authorization/permissions/read' };
}

// EXTERNAL MODULE: ./lib/checks/roles.js
var roles = __webpack_require__(1966);
;// CONCATENATED MODULE: ./lib/checks/caller-permissions.js
// With the enforce flag, the service checks at endpoint and at every deployment creation that the
// identity creating them may read connection secrets, and fails the creation without it
// (docs/online-checks.md §caller-permissions; docs/secret-injection.md §2). The caller's own
// permissions come from the Authorization `permissions` API (facts.caller).




const callerPermissionsCheck = (0,check/* defineCheck */.qH)('caller-permissions', ['caller-cannot-read-connections', 'cannot-verify'], (ctx) => {
    if (!enforceFlagEnabled(ctx))
        return {};
    const ws = ctx.facts.workspace;
    if (ws.kind !== 'found')
        return {};
    const where = (0,check/* endpointPosition */.FT)(ctx, (s) => s.enforceFlag);
    const operation = (0,roles/* operationOf */.zI)(roles/* CONNECTION_SECRETS_READER */.vC.permission);
    const caller = callerHolds(ctx, ws.value.id, roles/* CONNECTION_SECRETS_READER */.vC.permission);
    const who = ctx.facts.caller.objectId ? `The signed-in identity (${ctx.facts.caller.objectId})` : 'The signed-in identity';
    if (caller.state === 'missing') {
        return {
            findings: [
                (0,finding/* makeFinding */.MH)('caller-cannot-read-connections', where, `${who} lacks ${operation} on workspace ${(0,roles/* resourceName */.Iy)(ws.value.id)}; with enforce_access_to_default_secret_stores: enabled the service checks it when creating the endpoint and each deployment, and fails the creation.`, {
                    hint: `Assign "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" on the workspace to the workflow identity${ctx.facts.caller.objectId ? `: az role assignment create --assignee-object-id ${ctx.facts.caller.objectId} --assignee-principal-type ServicePrincipal --role "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" --scope ${ws.value.id}` : ''}`,
                }),
            ],
        };
    }
    if (caller.state === 'unknown') {
        return {
            findings: [
                (0,finding/* makeFinding */.MH)('cannot-verify', where, `Cannot verify that the signed-in identity may read connection secrets (${operation}), which the enforce flag requires: ${caller.why}.`, {
                    hint: `Make sure the workflow identity holds ${operation} on the workspace.`,
                }),
            ],
        };
    }
    return {};
});

;// CONCATENATED MODULE: ./lib/checks/connections.js
// Connection references: the connection exists, and so does the credential key, metadata key or
// target the reference names (docs/online-checks.md §connections; docs/secret-injection.md §1).
// Key names come from `listsecrets`; its values never reach this layer (src/checks/facts.ts).



const LIST_SECRETS = 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action';
const connectionsCheck = (0,check/* defineCheck */.qH)('connections', ['connection-not-found', 'connection-key-not-found', 'cannot-verify'], (ctx) => {
    const out = { findings: [], verdicts: [] };
    for (const ref of ctx.references) {
        if (ref.kind === 'keyvault')
            continue;
        const lookup = (0,check/* lookupCI */.d5)(ctx.facts.connections, ref.connection);
        if (!lookup) {
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `connection ${ref.connection} was not read` } });
            continue;
        }
        if (lookup.kind === 'unreadable') {
            const permission = lookup.permission ?? LIST_SECRETS;
            out.findings.push((0,finding/* makeFinding */.MH)('cannot-verify', ref.range, `Cannot verify ${ref.variable}: connection ${ref.connection} could not be read (${lookup.why}); the signed-in identity needs ${permission} on the workspace.`, {
                hint: `Grant the workflow identity a role with ${permission} on the workspace (for example "Azure Machine Learning Workspace Connection Secrets Reader"), or accept that this reference is checked only when the deployment is created.`,
            }));
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `connection ${ref.connection} could not be read: ${permission} needed` } });
            continue;
        }
        if (lookup.kind === 'missing') {
            const names = ctx.facts.connectionNames ?? [];
            const near = (0,edit_distance/* closest */.k)(ref.connection, names);
            const known = names.length ? ` The workspace has: ${names.join(', ')}.` : '';
            out.findings.push((0,finding/* makeFinding */.MH)('connection-not-found', ref.range, `${ref.variable}: the workspace has no connection named ${ref.connection}.${known}`, {
                hint: near ? `Did you mean ${near}? ${ref.raw.replace(ref.connection, near)}` : 'Create the connection in the workspace (az ml connection create) or correct its name.',
            }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'connection-not-found' } });
            continue;
        }
        const problem = keyProblem(ref, lookup.value);
        if (problem) {
            out.findings.push((0,finding/* makeFinding */.MH)('connection-key-not-found', ref.range, `${ref.variable}: ${problem.message}`, { hint: problem.hint }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'connection-key-not-found' } });
        }
        else {
            out.verdicts.push({ reference: ref, status: { state: 'pass' } });
        }
    }
    return out;
});
/** What is wrong with the key a reference names, with the keys that exist (names only) and the closest one. */
function keyProblem(ref, connection) {
    const kind = ref.kind;
    if (kind === 'connection')
        return undefined;
    if (kind === 'connection-target') {
        if (connection.target)
            return undefined;
        return {
            message: `connection ${ref.connection} has no target, so …/target resolves to nothing.`,
            hint: 'Reference a credential or metadata key instead, or set a target on the connection.',
        };
    }
    const key = ref.key ?? '';
    const [what, keys] = kind === 'connection-credential' ? ['credential', connection.credentialKeys] : ['metadata key', connection.metadataKeys];
    if (keys.includes(key))
        return undefined;
    // The key exists on the other side: a credential named as metadata, or the reverse.
    const [otherSegment, otherKeys] = kind === 'connection-credential' ? ['metadata', connection.metadataKeys] : ['credentials', connection.credentialKeys];
    const sameSideCase = keys.some((k) => k.toLowerCase() === key.toLowerCase());
    const other = sameSideCase ? undefined : (otherKeys.find((k) => k === key) ?? otherKeys.find((k) => k.toLowerCase() === key.toLowerCase()));
    if (other) {
        const is = otherSegment === 'metadata' ? 'a metadata key' : 'a credential';
        return {
            message: `connection ${ref.connection} has no ${what} ${key}: ${other} is ${is} of the connection, referenced as …/${otherSegment}/${other}.`,
            hint: `Reference it as ${otherSegment === 'metadata' ? 'metadata' : 'a credential'}: \${{azureml://connections/${ref.connection}/${otherSegment}/${other}}}`,
        };
    }
    const auth = connection.authType ? ` (auth type ${connection.authType})` : '';
    const existing = keys.length ? `It has: ${keys.join(', ')}.` : `It has no ${what === 'credential' ? 'credentials' : 'metadata'}.`;
    const caseOnly = keys.find((k) => k.toLowerCase() === key.toLowerCase());
    const near = caseOnly ?? (0,edit_distance/* closest */.k)(key, keys);
    const segment = kind === 'connection-credential' ? 'credentials' : 'metadata';
    return {
        message: `connection ${ref.connection}${auth} has no ${what} ${key}${caseOnly ? ' (names are case-sensitive)' : ''}. ${existing}`,
        hint: near
            ? `Did you mean ${near}? \${{azureml://connections/${ref.connection}/${segment}/${near}}}`
            : `Use one of the ${what}s the connection has, or add ${key} to the connection.`,
    };
}

;// CONCATENATED MODULE: ./lib/checks/endpoint-identity.js
// The endpoint identity may read what the references point at: workspace connections (granted at
// creation only to a system identity, with the enforce flag, when the creator may read connection
// secrets) and each Key Vault (never granted automatically). A new system identity cannot hold a
// role before it exists: with grant-missing-roles deploy assigns it between endpoint and
// deployment creation, otherwise the fix is the exact command to run once the endpoint exists.
// docs/online-checks.md §endpoint-identity; docs/secret-injection.md §2.





const endpointIdentityCheck = (0,check/* defineCheck */.qH)('endpoint-identity', ['endpoint-identity-cannot-read-connections', 'endpoint-identity-cannot-read-keyvault', 'role-not-yet-effective', 'cannot-verify'], (ctx) => {
    const out = { findings: [], verdicts: [], identityPlan: [], grants: [] };
    const identity = endpointIdentity(ctx);
    const connectionRefs = ctx.references.filter((r) => r.kind !== 'keyvault');
    if (connectionRefs.length)
        connections(ctx, identity, connectionRefs, out);
    const byVault = new Map();
    for (const r of ctx.references)
        if (r.kind === 'keyvault')
            byVault.set(r.vaultHost.toLowerCase(), [...(byVault.get(r.vaultHost.toLowerCase()) ?? []), r]);
    for (const [host, refs] of byVault)
        keyVault(ctx, identity, host, refs, out);
    return out;
});
/**
 * Report on every reference of the group (each affected line is annotated), each finding naming
 * every variable the same missing permission affects; give every reference the status.
 */
function decide(out, refs, status, finding) {
    if (finding) {
        const all = affected(refs);
        for (const r of refs) {
            const f = finding(r);
            out.findings.push(all ? { ...f, message: `${f.message} ${all}` } : f);
        }
    }
    for (const r of refs)
        out.verdicts.push({ reference: r, status });
}
/** "The same applies to 3 references: A (deployment.yml:8), B (…:9), C (green.yml:7)." for a group of more than one. */
function affected(refs) {
    if (refs.length < 2)
        return undefined;
    const files = new Set(refs.map((r) => r.range.file));
    const where = (r) => (files.size > 1 ? `${r.range.file}:${r.range.line}` : `line ${r.range.line}`);
    return `The same applies to ${refs.length} references: ${refs.map((r) => `${r.variable} (${where(r)})`).join(', ')}.`;
}
function identityUnknown(ctx, out, refs, identity, what) {
    // No endpoint and no endpoint file: endpoint-not-found (endpoint-state) already says all there is to say.
    const reported = ctx.facts.endpoint.kind === 'missing' && !ctx.endpoint;
    decide(out, refs, { state: 'unknown', why: `the endpoint identity is not known: ${identity.why}` }, reported ? undefined : (r) => (0,finding/* makeFinding */.MH)('cannot-verify', r.range, `Cannot verify that the endpoint identity may ${what}: ${identity.why}.`, {
        hint: identity.permission ? `Give the workflow identity ${identity.permission}.` : 'Give the workflow identity Reader on the workspace and the identity.',
    }));
}
function notYetEffective(out, refs, state, who, where) {
    if (!state.notYetEffective)
        return;
    const youngest = Math.min(...state.grants.map((g) => g.ageMs ?? Infinity));
    const role = state.grants[0]?.roleName ?? 'the role';
    for (const r of (0,check/* firstPerFile */.uT)(refs, () => '')) {
        out.findings.push((0,finding/* makeFinding */.MH)('role-not-yet-effective', r.range, `${role} was assigned to ${who} on ${where} ${(0,rbac/* describeAge */.HK)(youngest)} ago: role assignments can take up to 10 minutes to take effect, so it may not have yet.`));
    }
}
function connections(ctx, identity, refs, out) {
    const ws = ctx.facts.workspace;
    if (ws.kind !== 'found') {
        decide(out, refs, { state: 'unknown', why: 'the workspace could not be read' });
        return;
    }
    const what = 'read the workspace connections';
    switch (identity.kind) {
        case 'none':
            decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: endpoint ${ctx.endpointName} has no identity (identity type none), so nothing can resolve connection references.`, {
                hint: 'Use identity type system_assigned with properties.enforce_access_to_default_secret_stores: enabled.',
            }));
            return;
        case 'unknown':
            identityUnknown(ctx, out, refs, identity, what);
            return;
        case 'new-system': {
            if (!enforceFlagEnabled(ctx)) {
                decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: the new system-assigned identity of endpoint ${ctx.endpointName} will not be able to read connection ${connectionName(r)}: the service grants "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" at creation only when the endpoint sets enforce_access_to_default_secret_stores: enabled.`, {
                    hint: 'Add to the endpoint file:\nproperties:\n  enforce_access_to_default_secret_stores: enabled',
                }));
                return;
            }
            const caller = callerHolds(ctx, ws.value.id, roles/* CONNECTION_SECRETS_READER */.vC.permission);
            if (caller.state === 'holds') {
                decide(out, refs, { state: 'pass' });
                out.identityPlan.push(`At endpoint creation the service grants "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" on the workspace to the new system identity (enforce flag, and the signed-in identity may read connection secrets).`);
            }
            else if (caller.state === 'missing') {
                decide(out, refs, { state: 'fail', rule: 'caller-cannot-read-connections' }); // reported by caller-permissions
            }
            else {
                decide(out, refs, { state: 'unknown', why: `whether the signed-in identity may read connection secrets is not known: ${caller.why}` });
            }
            return;
        }
        case 'existing': {
            // The service authorizes listsecrets on the connection itself, so an assignment on one connection counts too.
            const byConnection = new Map();
            for (const r of refs)
                byConnection.set(connectionName(r).toLowerCase(), [...(byConnection.get(connectionName(r).toLowerCase()) ?? []), r]);
            const wsName = (0,roles/* resourceName */.Iy)(ws.value.id);
            for (const group of byConnection.values()) {
                const name = connectionName(group[0]);
                const state = principalHolds(ctx, identity.principalId, roles/* CONNECTION_SECRETS_READER */.vC, `${ws.value.id}/connections/${name}`);
                if (state.state === 'holds') {
                    decide(out, group, { state: 'pass' });
                    notYetEffective(out, group, state, identity.label, `workspace ${wsName}`);
                }
                else if (state.state === 'unknown') {
                    decide(out, group, { state: 'unknown', why: state.why }, (r) => (0,finding/* makeFinding */.MH)('cannot-verify', r.range, `Cannot verify that ${identity.label} may ${what}: ${state.why}.`, { hint: hintFor(state) }));
                }
                else {
                    const command = (0,roles/* roleAssignmentCommand */.bP)(roles/* CONNECTION_SECRETS_READER */.vC, ws.value.id, identity.principalId);
                    decide(out, group, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: ${identity.label} has no role with ${(0,roles/* operationOf */.zI)(roles/* CONNECTION_SECRETS_READER */.vC.permission)} on workspace ${wsName} (or on connection ${name}), so it cannot read connection ${name}.`, {
                        hint: `Assign "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" on the workspace: ${command}`,
                    }));
                }
            }
        }
    }
}
function keyVault(ctx, identity, host, refs, out) {
    const vault = (0,check/* lookupCI */.d5)(ctx.facts.vaults, host);
    const vaultName = host.split('.')[0] ?? host;
    if (!vault || vault.kind === 'missing') {
        // keyvault-secrets reports a missing vault; there is no scope to check.
        decide(out, refs, { state: 'unknown', why: `vault ${vaultName} was not found, so its roles cannot be checked` });
        return;
    }
    if (vault.kind === 'unreadable') {
        decide(out, refs, { state: 'unknown', why: `vault ${vaultName} could not be read, so its resource id (the role scope) is not known` });
        return;
    }
    const scope = vault.value.resourceId;
    const what = `read secrets from vault ${vaultName}`;
    const role = roles/* KEY_VAULT_SECRETS_USER */.Rg;
    switch (identity.kind) {
        case 'none':
            decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: endpoint ${ctx.endpointName} has no identity (identity type none), so nothing can read vault ${vaultName}.`, {
                hint: 'Give the endpoint an identity (type system_assigned or user_assigned) and assign it "Key Vault Secrets User" on the vault.',
            }));
            return;
        case 'unknown':
            identityUnknown(ctx, out, refs, identity, what);
            return;
        case 'new-system': {
            const later = (0,roles/* roleAssignmentCommand */.bP)(role, scope, (0,roles/* endpointPrincipalExpression */.sx)(ctx.endpointName, ctx.facts.workspace.kind === 'found' ? ctx.facts.workspace.value.id : undefined));
            out.identityPlan.push(`After the endpoint exists: assign ${role.roleName} on ${vaultName} to its new system identity${ctx.grantMissingRoles ? ' (grant-missing-roles)' : ` (${later})`}.`);
            if (ctx.grantMissingRoles) {
                plannedGrant(ctx, refs, out, { roleName: role.roleName, roleDefinitionId: role.roleDefinitionId, scope, principalType: 'ServicePrincipal', when: 'after-endpoint', reason: `${refs.length} reference(s) to vault ${vaultName}` }, 'the new system-assigned identity', vaultName);
                return;
            }
            decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: the endpoint's system-assigned identity does not exist until the endpoint is created, so it cannot hold "${role.roleName}" on vault ${vaultName} yet, and the service never grants it automatically; the deployment would fail with SecretsInjectionError.`, {
                hint: `Set grant-missing-roles: true (deploy then assigns the role between endpoint and deployment creation), or create the endpoint first and run: ${later}`,
            }));
            return;
        }
        case 'existing': {
            const state = principalHolds(ctx, identity.principalId, role, scope);
            if (state.state === 'holds') {
                decide(out, refs, { state: 'pass' });
                notYetEffective(out, refs, state, identity.label, `vault ${vaultName}`);
                return;
            }
            if (state.state === 'unknown') {
                decide(out, refs, { state: 'unknown', why: state.why }, (r) => (0,finding/* makeFinding */.MH)('cannot-verify', r.range, `Cannot verify that ${identity.label} may ${what}: ${state.why}.`, { hint: hintFor(state) }));
                return;
            }
            const command = (0,roles/* roleAssignmentCommand */.bP)(role, scope, identity.principalId);
            if (ctx.grantMissingRoles) {
                out.identityPlan.push(`Before the deployment: assign ${role.roleName} on ${vaultName} to ${identity.label} (grant-missing-roles).`);
                plannedGrant(ctx, refs, out, { roleName: role.roleName, roleDefinitionId: role.roleDefinitionId, scope, principalId: identity.principalId, principalType: 'ServicePrincipal', when: 'before-deployment', reason: `${refs.length} reference(s) to vault ${vaultName}` }, identity.label, vaultName);
                return;
            }
            decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${identity.label} has no role with ${(0,roles/* operationOf */.zI)(role.permission)} on vault ${vaultName} (role "${role.roleName}", scope ${scope}); the deployment would fail with SecretsInjectionError.`, {
                hint: `Run: ${command}  (or set grant-missing-roles: true)`,
            }));
        }
    }
}
/** grant-missing-roles: a notice and a planned grant when the caller may assign roles on the vault, an error when it may not. */
function plannedGrant(ctx, refs, out, grant, who, vaultName) {
    const caller = callerHolds(ctx, grant.scope, roles/* ROLE_ASSIGNMENT_WRITE */.r6);
    if (caller.state === 'missing') {
        decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${who} needs "${grant.roleName}" on vault ${vaultName}, and grant-missing-roles cannot assign it: the signed-in identity lacks ${(0,roles/* operationOf */.zI)(roles/* ROLE_ASSIGNMENT_WRITE */.r6)} on the vault.`, {
            hint: `Give the workflow identity "Role Based Access Control Administrator" (or User Access Administrator) on vault ${vaultName}, or assign the role yourself once the identity exists.`,
        }));
        return;
    }
    out.grants.push(grant);
    const when = grant.when === 'after-endpoint' ? 'after creating the endpoint' : 'before creating the deployment';
    decide(out, refs, { state: 'unknown', why: `deploy assigns ${grant.roleName} on ${vaultName} ${when} (grant-missing-roles)` }, (r) => caller.state === 'holds'
        ? (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${who} does not hold "${grant.roleName}" on vault ${vaultName} yet; deploy will assign it ${when} (grant-missing-roles).`, { severity: 'notice', hint: 'Nothing to do: the role is part of the plan.' })
        : (0,finding/* makeFinding */.MH)('cannot-verify', r.range, `${r.variable}: deploy will try to assign "${grant.roleName}" on vault ${vaultName} ${when} (grant-missing-roles), but whether the signed-in identity may assign roles there is not known: ${caller.why}.`, {
            hint: `Give the workflow identity ${caller.permission}, or check that it holds ${(0,roles/* operationOf */.zI)(roles/* ROLE_ASSIGNMENT_WRITE */.r6)} on the vault.`,
        }));
}
function hintFor(state) {
    return state.permission ? `Give the workflow identity ${state.permission} (for example Reader) on the scope.` : 'Check the assignment by hand: the action cannot evaluate it.';
}
function connectionName(r) {
    return r.kind === 'keyvault' ? r.vaultName : r.connection;
}

// EXTERNAL MODULE: ./lib/checks/endpoint-state.js
var endpoint_state = __webpack_require__(126);
;// CONCATENATED MODULE: ./lib/checks/identity-immutable.js
// The identity of an existing endpoint cannot change: the file must ask for the one the endpoint
// was created with (docs/online-checks.md §identity-immutable; docs/secret-injection.md §3).



const identityImmutableCheck = (0,check/* defineCheck */.qH)('identity-immutable', ['identity-immutable'], (ctx) => {
    const live = ctx.facts.endpoint;
    const requested = requestedIdentityType(ctx);
    if (live.kind !== 'found' || !ctx.endpoint || requested === undefined)
        return {};
    const wanted = { type: requested, ids: (ctx.endpoint.identity?.userAssignedIdentities ?? []).map((u) => u.resourceId) };
    const has = describe(live.value.identity);
    const asks = describeWanted(wanted.type, wanted.ids);
    if (same(live.value.identity, wanted.type, wanted.ids))
        return {};
    return {
        findings: [
            (0,finding/* makeFinding */.MH)('identity-immutable', (0,check/* endpointPosition */.FT)(ctx, (s) => s.identity), `Endpoint ${ctx.endpointName} exists with ${has}; the file asks for ${asks}. An endpoint's identity is fixed when it is created, so the update would be rejected.`, {
                hint: `Keep ${has} in the endpoint file, or deploy to a new endpoint name.`,
            }),
        ],
    };
});
function same(live, type, ids) {
    const liveTypes = live.type.split(',').map((t) => t.trim()).sort().join(',');
    if (liveTypes !== type)
        return false;
    if (type !== 'UserAssigned')
        return true;
    const a = Object.keys(live.userAssigned).map((k) => k.toLowerCase()).sort();
    const b = ids.map((k) => k.toLowerCase()).sort();
    return a.length === b.length && a.every((k, i) => k === b[i]);
}
function describe(live) {
    return describeWanted(live.type, Object.keys(live.userAssigned));
}
function describeWanted(type, ids) {
    if (type === 'None')
        return 'no identity';
    if (type === 'SystemAssigned')
        return 'a system-assigned identity';
    const names = ids.map((id) => id.split('/').pop() ?? id).join(', ');
    if (type === 'UserAssigned')
        return `the user-assigned identity ${names}`;
    return `a system-assigned and the user-assigned identity ${names}`;
}

;// CONCATENATED MODULE: ./lib/checks/keyvault-model.js
// The vault's permission model: secret injection reads Key Vault through Azure RBAC, so a vault
// that uses access policies refuses the endpoint identity whatever its roles
// (docs/online-checks.md §keyvault-model; docs/secret-injection.md §2). One finding per vault and
// file, on the first reference to it; every reference to the vault gets the status.


const keyVaultModelCheck = (0,check/* defineCheck */.qH)('keyvault-model', ['keyvault-not-rbac', 'cannot-verify'], (ctx) => {
    const out = { findings: [], verdicts: [] };
    const refs = ctx.references.filter((r) => r.kind === 'keyvault');
    const first = new Set((0,check/* firstPerFile */.uT)(refs, (r) => r.vaultHost));
    for (const ref of refs) {
        const vault = (0,check/* lookupCI */.d5)(ctx.facts.vaults, ref.vaultHost);
        if (!vault || vault.kind === 'missing')
            continue; // not read, or reported by keyvault-secrets
        if (vault.kind === 'unreadable') {
            const permission = vault.permission ?? 'Microsoft.KeyVault/vaults/read';
            if (first.has(ref)) {
                out.findings.push((0,finding/* makeFinding */.MH)('cannot-verify', ref.range, `Cannot verify that vault ${ref.vaultName} uses Azure RBAC: it could not be read (${vault.why}); the signed-in identity needs ${permission}.`, {
                    hint: `Grant the workflow identity Reader (or Key Vault Reader) on vault ${ref.vaultName}.`,
                }));
            }
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `vault ${ref.vaultName} could not be read: ${permission} needed` } });
            continue;
        }
        if (vault.value.rbacAuthorization) {
            out.verdicts.push({ reference: ref, status: { state: 'pass' } });
            continue;
        }
        if (first.has(ref)) {
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-not-rbac', ref.range, `${ref.variable}: vault ${ref.vaultName} uses vault access policies; secret injection reads Key Vault only through Azure RBAC, so the deployment would fail with SecretsInjectionError.`, {
                hint: `az keyvault update --name ${ref.vaultName} --enable-rbac-authorization true, then assign "Key Vault Secrets User" on the vault to the endpoint identity (existing access policies stop applying).`,
            }));
        }
        out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-not-rbac' } });
    }
    return out;
});

;// CONCATENATED MODULE: ./lib/checks/keyvault-secrets.js
// Key Vault references: the vault resolves, the pinned secret version exists and is enabled, and
// whether it is expired, not yet valid, or superseded by a newer enabled version
// (docs/online-checks.md §keyvault-secrets; docs/secret-injection.md §4). Metadata only: no value
// is ever read.




const READ_METADATA = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';
const keyVaultSecretsCheck = (0,check/* defineCheck */.qH)('keyvault-secrets', ['keyvault-secret-not-found', 'keyvault-secret-unusable', 'keyvault-secret-expired', 'keyvault-secret-newer-version', 'cannot-verify'], (ctx) => {
    const out = { findings: [], verdicts: [] };
    const now = Date.parse(ctx.facts.now);
    for (const ref of ctx.references) {
        if (ref.kind !== 'keyvault')
            continue;
        const vault = (0,check/* lookupCI */.d5)(ctx.facts.vaults, ref.vaultHost);
        if (vault?.kind === 'missing') {
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-secret-not-found', ref.range, `${ref.variable}: no Key Vault named ${ref.vaultName} exists (${ref.vaultHost} does not resolve to a vault this subscription can see).`, {
                hint: 'Correct the vault name in the reference (az keyvault list --query [].name).',
            }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
            continue;
        }
        const version = (0,check/* lookupCI */.d5)(ctx.facts.secretVersions, ref.secretId);
        if (!version) {
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `secret ${ref.secretName} in ${ref.vaultName} was not read` } });
            continue;
        }
        if (version.kind === 'unreadable') {
            const permission = version.permission ?? READ_METADATA;
            out.findings.push((0,finding/* makeFinding */.MH)('cannot-verify', ref.range, `Cannot verify ${ref.variable}: the metadata of secret ${ref.secretName} in vault ${ref.vaultName} could not be read (${version.why}); the signed-in identity needs ${permission} on the vault.`, {
                hint: `Grant the workflow identity "Key Vault Reader" (which includes ${READ_METADATA}, never the value) on vault ${ref.vaultName}.`,
            }));
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `secret metadata could not be read: ${permission} needed on ${ref.vaultName}` } });
            continue;
        }
        const noSecret = ctx.facts.secretNames?.[ref.vaultHost.toLowerCase()];
        if (version.kind === 'missing' && noSecret?.missing.some((n) => n.toLowerCase() === ref.secretName.toLowerCase())) {
            out.findings.push(missingSecret(ref, noSecret.names));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
            continue;
        }
        if (version.kind === 'missing') {
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-secret-not-found', ref.range, `${ref.variable}: vault ${ref.vaultName} has no secret ${ref.secretName} with version ${ref.version}.`, {
                hint: `List what exists: az keyvault secret list-versions --vault-name ${ref.vaultName} --name ${ref.secretName} --query "[?attributes.enabled].id"`,
            }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
            continue;
        }
        const v = version.value;
        if (!v.enabled) {
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-secret-unusable', ref.range, `${ref.variable}: version ${keyvault_secrets_short(ref.version)} of secret ${ref.secretName} in vault ${ref.vaultName} is disabled; Key Vault refuses to serve it, so the deployment would fail with SecretsInjectionError.`, {
                hint: v.newerEnabled
                    ? `Reference the enabled version ${v.newerEnabled.version}, or enable this one (az keyvault secret set-attributes --vault-name ${ref.vaultName} --name ${ref.secretName} --version ${ref.version} --enabled true).`
                    : `Enable it (az keyvault secret set-attributes --vault-name ${ref.vaultName} --name ${ref.secretName} --version ${ref.version} --enabled true), or reference an enabled version.`,
            }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-unusable' } });
            continue;
        }
        out.verdicts.push({ reference: ref, status: { state: 'pass' } });
        const validity = validityProblem(v, now);
        if (validity)
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-secret-expired', ref.range, `${ref.variable}: version ${keyvault_secrets_short(ref.version)} of secret ${ref.secretName} in vault ${ref.vaultName} ${validity}. Key Vault still serves it, so the deployment will succeed with this value.`, {
                hint: v.newerEnabled ? `Reference the newer version: \${{keyvault:${ref.vaultUrl}/secrets/${ref.secretName}/${v.newerEnabled.version}}}` : RULE_FIX_EXPIRED,
            }));
        if (v.newerEnabled && v.newerEnabled.version.toLowerCase() !== ref.version.toLowerCase())
            out.findings.push(newerVersion(ref, v.newerEnabled, now));
    }
    return out;
});
/** How many secret names a message lists before "…and N more". */
const LISTED = 15;
/** The secret itself does not exist: the vault's secret names (when listed) and the closest, or how to create it. */
function missingSecret(ref, names) {
    const listed = names.kind === 'found' ? names.value : undefined;
    const near = listed ? (0,edit_distance/* closest */.k)(ref.secretName, listed) : undefined;
    const has = !listed ? '' : listed.length === 0 ? ' The vault has no secrets.' : ` The vault has: ${listed.slice(0, LISTED).join(', ')}${listed.length > LISTED ? ` and ${listed.length - LISTED} more` : ''}.`;
    const create = `az keyvault secret set --vault-name ${ref.vaultName} --name ${ref.secretName} --file <file with the value>`;
    return (0,finding/* makeFinding */.MH)('keyvault-secret-not-found', ref.range, `${ref.variable}: vault ${ref.vaultName} has no secret named ${ref.secretName}.${has}`, {
        hint: near
            ? `Did you mean ${near}? Then pin one of its versions (az keyvault secret list-versions --vault-name ${ref.vaultName} --name ${near} --query "[?attributes.enabled].id"). Or create the secret: ${create}, and pin the version it prints.`
            : `Create it: ${create}, and pin the version it prints; or correct the name${listed ? '' : ' (az keyvault secret list --vault-name ' + ref.vaultName + ' --query "[].name" lists them)'}.`,
    });
}
const RULE_FIX_EXPIRED = 'Reference a current version of the secret, or extend this version\'s expiry (az keyvault secret set-attributes --expires …).';
function keyvault_secrets_short(version) {
    return /^[0-9a-f]{32}$/i.test(version) ? `${version.slice(0, 8)}…` : version;
}
/** "expired 3 days ago (2026-11-27)", "is not valid until …": undefined when within its window. */
function validityProblem(v, now) {
    const expires = v.expiresOn ? Date.parse(v.expiresOn) : NaN;
    if (!Number.isNaN(expires) && expires <= now)
        return `expired ${(0,rbac/* describeAge */.HK)(now - expires)} ago (${v.expiresOn})`;
    const notBefore = v.notBefore ? Date.parse(v.notBefore) : NaN;
    if (!Number.isNaN(notBefore) && notBefore > now)
        return `is not valid until ${v.notBefore} (in ${(0,rbac/* describeAge */.HK)(notBefore - now)})`;
    return undefined;
}
function newerVersion(ref, newer, now) {
    const created = newer.createdOn ? Date.parse(newer.createdOn) : NaN;
    const age = Number.isNaN(created) ? '' : ` (created ${(0,rbac/* describeAge */.HK)(Math.max(0, now - created))} ago)`;
    return (0,finding/* makeFinding */.MH)('keyvault-secret-newer-version', ref.range, `${ref.variable}: secret ${ref.secretName} in vault ${ref.vaultName} has a newer enabled version ${keyvault_secrets_short(newer.version)}${age} than the pinned ${keyvault_secrets_short(ref.version)}.`, {
        hint: `If the rotation should reach this deployment: \${{keyvault:${ref.vaultUrl}/secrets/${ref.secretName}/${newer.version}}}`,
    });
}

;// CONCATENATED MODULE: ./lib/checks/local-assets.js
// Local model, code and build-context folders have something to upload once their ignore file is
// applied: az ml refuses an empty folder (EmptyDirectoryError), so the deployment would never start
// (docs/local-assets.md §2). The facts come from the asset plan (src/assets/plan.ts).


const WHAT = { model: 'The model folder', code: 'The code folder', environment: 'The build context' };
/** One finding per local path with nothing to upload (deploy calls it too, before any write). */
function emptyLocalAssets(localAssets) {
    return localAssets
        .filter((a) => a.files === 0)
        .map((a) => (0,finding/* makeFinding */.MH)('local-asset-empty', { file: a.file, line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn }, `${WHAT[a.kind]} '${a.localPath}' has no file to upload${a.ignoreFile ? ` once its ${a.ignoreFile} is applied` : ''}: az ml refuses an empty folder.`));
}
const localAssetsCheck = (0,check/* defineCheck */.qH)('local-assets', ['local-asset-empty'], (ctx) => ({ findings: emptyLocalAssets(ctx.facts.localAssets ?? []) }));

;// CONCATENATED MODULE: ./lib/checks/quota.js
// The instance type is offered in the workspace's region, and the VM family's core quota has room
// for the deployment (docs/online-checks.md §quota). Managed online deployments hold 20 % more
// instances than asked, for upgrades
// (https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas#azure-machine-learning-online-endpoints-and-batch-endpoints):
// cores = ceil(1.2 × instances) × cores per instance. Deployments that keep running during the
// rollout (the one traffic moves away from) keep their cores, so nothing is counted as freed.
//
// Arithmetic (also used by the plan):
//   reservedInstances(instances): number                  ceil(1.2 × instances), in integers
//   coresNeeded(instances, vCPUs): number
//   quotaDemands(deployments, live, vmSizes): QuotaDemand[]  what each deployment of this run adds
//   quotaByFamily(demands, usages): FamilyQuota[]            before → after per family



/** ceil(1.2 × instances), in integer arithmetic (10 instances → 12). */
function reservedInstances(instances) {
    return Math.ceil((instances * 12) / 10);
}
function coresNeeded(instances, vCPUs, vmSize) {
    return (vmSize && reserveExempt(vmSize) ? instances : reservedInstances(instances)) * vCPUs;
}
/**
 * SKUs the service deploys without the 20 % reserve ("Skip 20% Reservation" in the managed online endpoints SKU list,
 * https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list, as issue 16 quotes it):
 * the A100 and H100 sizes and the ND families. The SKU list table is the authority; this matches it by name pattern.
 */
function reserveExempt(vmSize) {
    return /A100|H100|^Standard_ND/i.test(vmSize);
}
function reserveText(d) {
    return reserveExempt(d.vmSize)
        ? `${d.instances} instance(s) (${d.vmSize} skips the 20 % reserve)`
        : `ceil(1.2 × ${d.instances}) = ${reservedInstances(d.instances)} instances (20 % reserve for upgrades)`;
}
function sizeOf(vmSizes, name) {
    if (!name)
        return undefined;
    return vmSizes.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
/**
 * What each managed deployment of this run adds to its family's usage. An existing deployment of
 * the same name is updated in place: its current cores (assumed counted in usage with their
 * reserve) are subtracted when it stays in the same family.
 */
function quotaDemands(deployments, live, vmSizes) {
    const out = [];
    for (const d of deployments) {
        if (d.computeType !== 'Managed')
            continue;
        const size = sizeOf(vmSizes, d.instanceType);
        if (!size)
            continue;
        const instances = d.instanceCount ?? 1;
        const cores = coresNeeded(instances, size.vCPUs, size.name);
        const existing = (0,check/* lookupCI */.d5)(live, d.name);
        const oldSize = sizeOf(vmSizes, existing?.instanceType);
        const held = existing && oldSize && oldSize.family.toLowerCase() === size.family.toLowerCase() ? coresNeeded(existing.instanceCount ?? 1, oldSize.vCPUs, oldSize.name) : 0;
        out.push({ deployment: d.name, file: d.file, vmSize: size.name, family: size.family, instances, vCPUs: size.vCPUs, cores, held, additional: Math.max(0, cores - held) });
    }
    return out;
}
/** Before → after per family; a family without a usage entry is left out (the caller reports it). */
function quotaByFamily(demands, usages) {
    const families = new Map();
    for (const d of demands)
        families.set(d.family.toLowerCase(), [...(families.get(d.family.toLowerCase()) ?? []), d]);
    const out = [];
    for (const [key, list] of families) {
        const usage = usages.find((u) => u.family.toLowerCase() === key);
        if (!usage)
            continue;
        const additional = list.reduce((n, d) => n + d.additional, 0);
        const after = usage.current + additional;
        // A run that adds nothing to a family (an update in place that does not grow) never fails its quota.
        out.push({ family: usage.family, limit: usage.limit, current: usage.current, additional, after, fits: additional === 0 || after <= usage.limit, demands: list });
    }
    return out;
}
/** Plan lines: "standardDSv2Family: 8 → 20 of 100 cores". */
function quotaPlanLines(ctx) {
    const { vmSizes, usages, deployments } = ctx.facts;
    if (vmSizes.kind !== 'found' || usages.kind !== 'found')
        return [];
    const live = deployments.kind === 'found' ? deployments.value : {};
    return quotaByFamily(quotaDemands(ctx.deployments, live, vmSizes.value), usages.value).map((f) => `${f.family}: ${f.current} → ${f.after} of ${f.limit} cores${f.fits ? '' : ' (over the limit)'}`);
}
function instanceTypeAt(d) {
    return (0,check.at)(d.file, d.spans.instanceType ?? d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 });
}
const quotaCheck = (0,check/* defineCheck */.qH)('quota', ['instance-type-unavailable', 'quota-insufficient', 'cannot-verify'], (ctx) => {
    const managed = ctx.deployments.filter((d) => d.computeType === 'Managed' && d.instanceType);
    if (managed.length === 0)
        return {};
    const findings = [];
    const { vmSizes, usages, deployments } = ctx.facts;
    if (vmSizes.kind !== 'found') {
        const why = vmSizes.kind === 'unreadable' ? vmSizes.why : 'the region lists no VM sizes';
        for (const d of managed)
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', instanceTypeAt(d), `Cannot verify instance_type ${d.instanceType} and its quota: the VM sizes of the workspace's region could not be read (${why}).`, { hint: 'Give the workflow identity Reader on the subscription (Microsoft.MachineLearningServices/locations/vmSizes/read).' }));
        return { findings };
    }
    const offered = vmSizes.value.map((s) => s.name);
    for (const d of managed) {
        if (sizeOf(vmSizes.value, d.instanceType))
            continue;
        const near = (0,edit_distance/* closest */.k)(d.instanceType ?? '', offered);
        findings.push((0,finding/* makeFinding */.MH)('instance-type-unavailable', instanceTypeAt(d), `instance_type ${d.instanceType} is not offered for online endpoints in the workspace's region.`, {
            hint: near ? `Did you mean ${near}?` : 'List the sizes the region offers: az ml online-deployment list-skus, or see https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list',
        }));
    }
    if (usages.kind !== 'found') {
        const why = usages.kind === 'unreadable' ? usages.why : 'no usage was reported';
        for (const d of managed.filter((m) => sizeOf(vmSizes.value, m.instanceType)))
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', instanceTypeAt(d), `Cannot verify the core quota for ${d.instanceType}: the region's usage could not be read (${why}).`, { hint: 'Give the workflow identity Reader on the subscription (Microsoft.MachineLearningServices/locations/usages/read).' }));
        return { findings };
    }
    const live = deployments.kind === 'found' ? deployments.value : {};
    const demands = quotaDemands(managed, live, vmSizes.value);
    const byFamily = quotaByFamily(demands, usages.value);
    for (const demand of demands) {
        const family = byFamily.find((f) => f.family.toLowerCase() === demand.family.toLowerCase());
        const d = managed.find((m) => m.name === demand.deployment && m.file === demand.file);
        if (!d)
            continue;
        if (!family) {
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', instanceTypeAt(d), `Cannot verify the core quota for ${demand.vmSize}: no usage is reported for its family ${demand.family}.`, { hint: 'Check the family quota in the Azure portal (Quotas).' }));
            continue;
        }
        if (family.fits)
            continue;
        const free = Math.max(0, family.limit - family.current);
        const others = family.demands.length > 1 ? ` Together with ${family.demands.filter((x) => x !== demand).map((x) => x.deployment).join(', ')}, this run adds ${family.additional}.` : '';
        const update = demand.held ? ` It already holds ${demand.held} cores, which it keeps until the new instances are up.` : '';
        const running = runningElsewhere(live, vmSizes.value, demand);
        findings.push((0,finding/* makeFinding */.MH)('quota-insufficient', instanceTypeAt(d), `${demand.deployment} needs ${demand.cores} cores of ${demand.family}: ${reserveText(demand)} × ${demand.vCPUs} cores of ${demand.vmSize}; ${free} of ${family.limit} are free (${family.current} in use).${update}${others}${running}`, {
            hint: `Request at least ${family.after} cores for ${demand.family} in the region (Azure portal: Quotas), or lower instance_count, or choose a size of a family with free quota.`,
        }));
    }
    return { findings };
});
/** Which other deployments of the endpoint hold cores of the same family through the rollout. */
function runningElsewhere(live, vmSizes, demand) {
    const holders = Object.values(live)
        .filter((l) => l.name.toLowerCase() !== demand.deployment.toLowerCase())
        .map((l) => ({ l, size: sizeOf(vmSizes, l.instanceType) }))
        .filter((x) => x.size && x.size.family.toLowerCase() === demand.family.toLowerCase());
    if (!holders.length)
        return '';
    return ` ${holders.map((x) => `${x.l.name} (${coresNeeded(x.l.instanceCount ?? 1, x.size?.vCPUs ?? 0, x.size?.name)} cores)`).join(', ')} keep${holders.length === 1 ? 's' : ''} running during the rollout.`;
}

// EXTERNAL MODULE: ./lib/manifests/index.js
var manifests = __webpack_require__(6144);
;// CONCATENATED MODULE: ./lib/checks/traffic.js
// Traffic may name only deployments that exist on the endpoint or that this run deploys
// (docs/online-checks.md §traffic). Offline the same test is a warning (the deployment may exist);
// here it is decided. Reuses the offline arithmetic of src/manifests/traffic.ts.



const trafficCheck = (0,check/* defineCheck */.qH)('traffic', ['traffic', 'cannot-verify'], (ctx) => {
    const endpoint = ctx.endpoint;
    if (!endpoint)
        return {};
    const deploying = ctx.deployments.map((d) => d.name);
    const live = ctx.facts.deployments;
    if (live.kind === 'unreadable') {
        const known = new Set(deploying.map((n) => n.toLowerCase()));
        const findings = [];
        for (const e of [...endpoint.traffic, ...endpoint.mirrorTraffic]) {
            if (e.percent === 0 || known.has(e.name))
                continue;
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', (0,check.at)(endpoint.file, e.keySpan), `Cannot verify that deployment ${e.key} exists: the endpoint's deployments could not be read (${live.why}).`, {
                hint: `Give the workflow identity ${live.permission ?? 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read'} on the workspace.`,
            }));
        }
        return { findings };
    }
    const existing = live.kind === 'found' ? Object.values(live.value).map((d) => d.name) : [];
    return { findings: (0,manifests/* checkTraffic */.At)(endpoint, [...deploying, ...existing], endpoint.file, 'error') };
});

;// CONCATENATED MODULE: ./lib/checks/uai-platform-roles.js
// A user-assigned endpoint identity needs AcrPull on the workspace registry and Storage Blob Data
// Reader on the workspace storage; a system-assigned one is granted both at creation
// (docs/online-checks.md §uai-platform-roles; docs/secret-injection.md §3).




const uaiPlatformRolesCheck = (0,check/* defineCheck */.qH)('uai-platform-roles', ['uai-missing-platform-roles', 'role-not-yet-effective', 'cannot-verify'], (ctx) => {
    const identity = endpointIdentity(ctx);
    const ws = ctx.facts.workspace;
    if (identity.kind !== 'existing' || identity.type !== 'user' || ws.kind !== 'found')
        return {};
    const where = (0,check/* endpointPosition */.FT)(ctx, (s) => s.identity);
    const out = { findings: [] };
    const missing = [];
    const needs = [[roles/* ACR_PULL */.nB, ws.value.containerRegistryId], [roles/* STORAGE_BLOB_DATA_READER */.ZA, ws.value.storageAccountId]];
    for (const [role, scope] of needs) {
        if (!scope)
            continue; // the workspace has none yet (a registry is created with the first image build)
        // Blob reads happen in one container of the account: an assignment on a container is not known to be the right one.
        const state = principalHolds(ctx, identity.principalId, role, scope, role === roles/* STORAGE_BLOB_DATA_READER */.ZA);
        if (state.state === 'missing')
            missing.push({ role, scope });
        else if (state.state === 'unknown') {
            out.findings.push((0,finding/* makeFinding */.MH)('cannot-verify', where, `Cannot verify that ${identity.label} holds ${role.roleName} on ${(0,roles/* resourceName */.Iy)(scope)}: ${state.why}.`, {
                hint: state.permission ? `Give the workflow identity ${state.permission} on ${(0,roles/* resourceName */.Iy)(scope)}.` : 'Check the assignment by hand.',
            }));
        }
        else if (state.notYetEffective) {
            out.findings.push((0,finding/* makeFinding */.MH)('role-not-yet-effective', where, `${state.grants[0]?.roleName ?? role.roleName} on ${(0,roles/* resourceName */.Iy)(scope)} was assigned to ${identity.label} less than 10 minutes ago: it may not have taken effect yet.`));
        }
    }
    if (missing.length) {
        const what = missing.map((m) => `${m.role.roleName} on ${(0,roles/* resourceName */.Iy)(m.scope)} (to ${m.role.purpose})`).join(' and ');
        out.findings.push((0,finding/* makeFinding */.MH)('uai-missing-platform-roles', where, `${identity.label} lacks ${what}; a user-assigned identity is not granted these automatically, and the deployment would fail to start.`, {
            hint: `Run: ${missing.map((m) => (0,roles/* roleAssignmentCommand */.bP)(m.role, m.scope, identity.principalId)).join(' && ')}`,
        }));
    }
    return out;
});

;// CONCATENATED MODULE: ./lib/checks/workspace.js
// The workspace the inputs name (docs/online-checks.md §workspace). When ARM says a part of its
// address does not exist, or refuses it, this is the one finding of the run: every other check
// would only repeat it as false errors ("create the connection", "register the model") about
// things that exist elsewhere, so the registry runs no other check (workspaceGate). A workspace
// that failed for another reason (5xx after retries) is `unreadable`: a `cannot-verify`, never
// "does not exist", and the other checks run on what they could read.



/** How many existing names a message lists before "…and N more". */
const workspace_LISTED = 15;
const workspaceCheck = (0,check/* defineCheck */.qH)('workspace', ['workspace-not-found', 'workspace-unreadable', 'cannot-verify'], (ctx) => {
    const gate = workspaceGate(ctx);
    if (gate)
        return gate;
    const ws = ctx.facts.workspace;
    if (ws.kind !== 'unreadable')
        return {};
    return {
        findings: [
            (0,finding/* makeFinding */.MH)('cannot-verify', (0,check/* endpointPosition */.FT)(ctx, (s) => s.name), `Cannot read the workspace (${ws.why}): its region, container registry and storage account are unknown, so the checks that need them are skipped.`, {
                hint: 'Run again: a failure after the retries is usually transient. If it persists, check the workspace in the Azure portal.',
            }),
        ],
    };
});
/** The one finding when the workspace inputs name nothing readable; every reference is then unknown. Undefined when the checks may run. */
function workspaceGate(ctx) {
    const address = ctx.facts.workspaceAddress;
    if (!address?.problem)
        return undefined;
    const finding = addressFinding(ctx, address);
    const why = `the workspace could not be read (${finding.rule}): nothing was checked`;
    return { findings: [finding], verdicts: ctx.references.map((reference) => ({ reference, status: { state: 'unknown', why } })), identityPlan: [], grants: [] };
}
function addressFinding(ctx, a) {
    // The inputs have no line in the files: the finding goes on the endpoint the run targets.
    const where = (0,check/* endpointPosition */.FT)(ctx, (s) => s.name);
    const answer = a.answer ? ` (${a.answer})` : '';
    switch (a.problem) {
        case 'subscription-not-found':
            return (0,finding/* makeFinding */.MH)('workspace-not-found', where, `Input subscription-id ${a.subscriptionId}: no such subscription${answer}.${existing(a, 'The signed-in identity sees the subscriptions')}`, {
                hint: suggestion(a, a.subscriptionId, 'subscription-id', 'az account list --query "[].{id:id, name:name}" -o table'),
            });
        case 'resource-group-not-found':
            return (0,finding/* makeFinding */.MH)('workspace-not-found', where, `Input resource-group ${a.resourceGroup}: subscription ${a.subscriptionId} has no such resource group${answer}.${existing(a, 'It has')}`, {
                hint: suggestion(a, a.resourceGroup, 'resource-group', `az group list --subscription ${a.subscriptionId} --query "[].name" -o tsv`),
            });
        case 'workspace-not-found':
            return (0,finding/* makeFinding */.MH)('workspace-not-found', where, `Input workspace-name ${a.workspaceName}: resource group ${a.resourceGroup} has no such workspace${answer}.${existing(a, 'It has')}`, {
                hint: suggestion(a, a.workspaceName, 'workspace-name', `az ml workspace list --resource-group ${a.resourceGroup} --subscription ${a.subscriptionId} --query "[].name" -o tsv`),
            });
        default:
            return (0,finding/* makeFinding */.MH)('workspace-unreadable', where, `Inputs subscription-id, resource-group, workspace-name: workspace ${a.workspaceName} in resource group ${a.resourceGroup} of subscription ${a.subscriptionId} could not be read${answer}. ` +
                'The signed-in identity may not read it, or one of the names is wrong inside a scope it may not see (ARM refuses before it looks a resource up).');
    }
}
/** " It has: a, b." with the names the caller could list, or nothing when it could not list them. */
function existing(a, lead) {
    if (!a.existing)
        return '';
    if (a.existing.length === 0)
        return ` ${lead}: none the signed-in identity may see.`;
    const shown = a.existing.slice(0, workspace_LISTED).map((e) => (e.displayName && e.displayName !== e.name ? `${e.name} (${e.displayName})` : e.name));
    const more = a.existing.length > workspace_LISTED ? ` and ${a.existing.length - workspace_LISTED} more` : '';
    return ` ${lead}: ${shown.join(', ')}${more}.`;
}
function suggestion(a, given, input, listCommand) {
    const near = a.existing ? (0,edit_distance/* closest */.k)(given, a.existing.map((e) => e.name)) : undefined;
    if (near)
        return `Did you mean ${near}? Set \`${input}: ${near}\` in the workflow step.`;
    return `Correct the \`${input}\` input; \`${listCommand}\` lists what exists.`;
}

;// CONCATENATED MODULE: ./lib/checks/registry.js















const CHECKS = [
    workspaceCheck,
    endpoint_state/* endpointStateCheck */.Lw,
    identityImmutableCheck,
    connectionsCheck,
    keyVaultSecretsCheck,
    keyVaultModelCheck,
    callerPermissionsCheck,
    endpointIdentityCheck,
    uaiPlatformRolesCheck,
    assets/* assetsCheck */.cv,
    localAssetsCheck,
    quotaCheck,
    kubernetesComputeCheck,
    trafficCheck,
];
function runChecks(ctx, checks = CHECKS) {
    // A workspace that is not there gates every other check: one finding on the inputs, not five false ones.
    const gate = workspaceGate(ctx);
    if (gate)
        checks = [workspaceCheck];
    const findings = [];
    const identityPlan = [];
    const grants = [];
    const verdicts = new Map();
    for (const check of checks) {
        const output = check.evaluate ? check.evaluate(ctx) : { findings: check.run(ctx), verdicts: [], identityPlan: [], grants: [] };
        findings.push(...output.findings);
        identityPlan.push(...output.identityPlan);
        grants.push(...output.grants);
        for (const v of output.verdicts)
            verdicts.set(v.reference, [...(verdicts.get(v.reference) ?? []), v.status]);
    }
    const references = ctx.references.map((ref) => {
        const { store, target } = (0,scan/* describeReference */.P5)(ref);
        return { variable: ref.variable, file: ref.range.file, line: ref.range.line, store, target, status: mergeStatuses(verdicts.get(ref) ?? []) };
    });
    if (gate)
        return { findings, references, identityPlan: [], grants: [], quota: [], workspaceBlocked: true };
    return { findings, references, identityPlan: [...new Set(identityPlan)], grants, quota: quotaPlanLines(ctx) };
}
/** Fail beats unknown beats pass; no verdict at all is unknown. The first failing rule is kept. */
function mergeStatuses(statuses) {
    const fail = statuses.find((s) => s.state === 'fail');
    if (fail)
        return fail;
    const unknown = statuses.filter((s) => s.state === 'unknown');
    if (unknown.length)
        return { state: 'unknown', why: [...new Set(unknown.map((u) => u.why))].join('; ') };
    if (statuses.length)
        return { state: 'pass' };
    return { state: 'unknown', why: 'no online check covered this reference' };
}

// EXTERNAL MODULE: ./lib/report/redact.js
var redact = __webpack_require__(4684);
// EXTERNAL MODULE: ./lib/apply/trace-tags.js
var trace_tags = __webpack_require__(9537);
// EXTERNAL MODULE: ./lib/report/model.js
var model = __webpack_require__(7053);
// EXTERNAL MODULE: ./lib/source-files.js
var source_files = __webpack_require__(2082);
// EXTERNAL MODULE: ./lib/apply/traffic-plan.js
var traffic_plan = __webpack_require__(1131);
;// CONCATENATED MODULE: ./lib/modes/approved-plan.js


/** The part of a plan that says what happens to Azure, in a canonical form. */
function planDigest(plan) {
    return {
        requests: (plan.requests ?? []).map((r) => ({
            method: r.method,
            path: r.path.toLowerCase(),
            change: r.change ?? null,
            diff: r.diff ?? [],
            body: canonical(withoutTraceTags(r.body)),
        })),
        assets: (plan.assets ?? []).map((a) => `${a.kind}: ${a.description}`),
        traffic: plan.traffic
            ? { before: (0,traffic_plan/* normalizeTraffic */.dY)(plan.traffic.before), steps: (plan.traffic.steps ?? []).map((s) => ({ traffic: (0,traffic_plan/* normalizeTraffic */.dY)(s.traffic), mirrorTraffic: (0,traffic_plan/* normalizeTraffic */.dY)(s.mirrorTraffic) })) }
            : null,
    };
}
/** Empty when the current plan does exactly what the approved one said. */
function comparePlans(approved, current) {
    if (!isPlanLike(approved))
        return ['the expected plan is not a plan file of this action (no "requests" list)'];
    const a = planDigest(approved);
    const c = planDigest(current);
    const out = [];
    const ar = a.requests;
    const cr = c.requests;
    const key = (r) => `${String(r.method)} ${String(r.path)}`;
    for (const r of ar) {
        const now = cr.find((x) => key(x) === key(r));
        const name = String(r.path).split('/').slice(-1)[0];
        if (!now)
            out.push(`${name}: approved ${String(r.change)}, not in the plan now`);
        else if (now.change !== r.change)
            out.push(`${name}: approved ${String(r.change)}, now ${String(now.change)}`);
        else if (JSON.stringify(now.diff) !== JSON.stringify(r.diff))
            out.push(`${name}: the field changes differ (approved ${r.diff.length}, now ${now.diff.length}: ${now.diff.slice(0, 3).join('; ') || 'none'})`);
        else if (JSON.stringify(now.body) !== JSON.stringify(r.body))
            out.push(`${name}: the request body differs from the approved one`);
    }
    for (const r of cr)
        if (!ar.some((x) => key(x) === key(r)))
            out.push(`${String(r.path).split('/').slice(-1)[0]}: ${String(r.change)} now, not in the approved plan`);
    if (JSON.stringify(a.assets) !== JSON.stringify(c.assets))
        out.push('the local assets to register differ');
    if (JSON.stringify(a.traffic) !== JSON.stringify(c.traffic))
        out.push(`the traffic differs (approved ${approved_plan_describe(a.traffic)}, now ${approved_plan_describe(c.traffic)})`);
    return out;
}
function approved_plan_describe(t) {
    if (!t || typeof t !== 'object')
        return 'unknown';
    const { before, steps } = t;
    const map = (m) => Object.entries(m).map(([n, p]) => `${n}=${p}`).join(',') || '(none)';
    return [map(before), ...steps.map((s) => map(s.traffic))].join(' → ');
}
function isPlanLike(v) {
    return typeof v === 'object' && v !== null && Array.isArray(v.requests);
}
function withoutTraceTags(body) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        return body ?? null;
    const b = body;
    if (!b.tags || typeof b.tags !== 'object')
        return b;
    return { ...b, tags: Object.fromEntries(Object.entries(b.tags).filter(([k]) => !(0,trace_tags/* isTraceTag */.a$)(k))) };
}
/** Keys sorted at every level, so two plans written by different runs compare as text. */
function canonical(v) {
    if (Array.isArray(v))
        return v.map(canonical);
    if (v && typeof v === 'object')
        return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
    return v;
}

// EXTERNAL MODULE: ./lib/modes/validate-plan.js + 1 modules
var validate_plan = __webpack_require__(9939);
;// CONCATENATED MODULE: ./lib/modes/validate.js
// mode: validate — read-only: sign in, read what the online checks need (src/azure/gather.ts),
// run the check registry (src/checks/registry.ts), and refine the plan against the live workspace
// (create / update / no change with the field-level diff, traffic and quota before → after, the
// roles a new system identity will need). It sends no write request. Deploy (src/modes/deploy.ts)
// reuses this check and its session and facts (docs/architecture.md §1).













const validateMode = {
    // Offline, traffic to a deployment in no file is only a notice: the online traffic check decides it.
    unknownTrafficSeverity: 'notice',
    offlineReferenceStatus: 'not resolved: the online checks did not run',
    check: (run) => validateOnline(run, 'validate'),
};
/** The read-only half shared by validate and deploy. */
async function validateOnline(run, mode) {
    const { inputs, analysis } = run;
    const endpointName = analysis.endpoint?.name ?? analysis.deployments[0]?.endpointName ?? '';
    const session = await run.phase('Sign in to Azure', () => (0,azure_session/* signIn */.Jv)(inputs));
    const requestsAtSignIn = session.stats.requests;
    const assetProblems = [];
    const { gathered, assetPlan } = await run.phase('Read Azure (read-only)', async () => {
        const ws = { ...manifests/* OFFLINE_WORKSPACE */.Qu, subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName };
        const [g, a] = await Promise.all([
            gatherFacts(session, { endpoint: analysis.endpoint, endpointName, deployments: analysis.deployments, references: analysis.references }),
            (0,plan/* planLocalAssets */.wT)(session, analysis.deployments.map((d) => (0,manifests/* deploymentRestBody */.KE)(d, ws))).catch((error) => {
                assetProblems.push((0,finding/* makeFinding */.MH)('cannot-verify', { file: analysis.deployments[0]?.file ?? '', line: 1, column: 1 }, `Cannot plan the local assets: ${error instanceof Error ? error.message : String(error)}.`, { hint: 'Give the workflow identity read access to the workspace assets, datastores and storage.', ...(mode === 'deploy' ? { severity: 'error' } : {}) }));
                return { items: [], facts: [], changes: true };
            }),
        ]);
        g.facts.localAssets = a.facts;
        core.info(describeReads(g.reads, session.stats.requests - requestsAtSignIn));
        for (const line of (0,plan/* planLines */.HN)(a))
            core.info(`Asset: ${line.description}`);
        return { gathered: g, assetPlan: a };
    });
    const ctx = {
        endpoint: analysis.endpoint,
        endpointName,
        deployments: analysis.deployments,
        references: analysis.references,
        facts: gathered.facts,
        // validate predicts the deploy the same inputs would run, so it honours grant-missing-roles too.
        grantMissingRoles: inputs.grantMissingRoles,
        mode,
    };
    const outcome = await run.phase('Online checks', async () => {
        const o = runChecks(ctx);
        core.info(`${o.findings.length} online finding(s); references: ${countStates(o)}.`);
        return o;
    });
    // Registered-asset lines of the offline plan stay; local assets get the asset plan's lines.
    const offlineAssets = analysis.plan.assets.filter((a) => a.description.startsWith('resolve '));
    const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: gathered.facts.workspace.kind === 'found' ? gathered.facts.workspace.value.location : manifests/* OFFLINE_WORKSPACE */.Qu.location };
    const computed = (0,validate_plan/* computePlan */.Ru)({
        endpoint: analysis.endpoint,
        endpointName,
        deployments: analysis.deployments,
        facts: gathered.facts,
        outcome,
        workspace: ws,
        tags: (0,trace_tags/* traceTags */.TS)(process.env, { skip: inputs.skipDefaultTags }),
        localAssets: assetPlan,
        localAssetsRead: assetProblems.length === 0,
        offlineAssets,
        inputs,
        secretValues: (0,redact/* maskable */.dm)(analysis.overrideValues),
        mode,
    });
    for (const line of computed.notes)
        core.info(line);
    if (inputs.expectedPlanFile)
        computed.findings.push(...approvedPlanFindings(inputs.expectedPlanFile, computed, analysis));
    const live = gathered.facts.endpoint.kind === 'found' ? gathered.facts.endpoint.value : undefined;
    return {
        // A workspace that is not there: its one finding only (the asset reads and the plan failed for the same reason).
        findings: [...outcome.findings, ...(outcome.workspaceBlocked ? [] : [...assetProblems, ...computed.findings])],
        references: outcome.references,
        plan: computed.plan,
        changes: outcome.workspaceBlocked ? undefined : computed.changes,
        readBack: live ? { scoringUri: live.scoringUri, swaggerUri: live.swaggerUri, traffic: live.traffic, mirrorTraffic: live.mirrorTraffic, ...(0,model/* armIdentifiers */.rg)(live.body) } : undefined,
        notes: [describeReads(gathered.reads, session.stats.requests - requestsAtSignIn), ...computed.notes],
        supersedes: supersededOffline,
        session,
        facts: gathered.facts,
        outcome,
        assetPlan,
        computed,
    };
}
/** The plan just computed against the approved one (`expected-plan`): any difference stops deploy before any write. */
function approvedPlanFindings(path, computed, analysis) {
    const spec = analysis.endpoint;
    const first = analysis.deployments[0];
    const where = spec ? { file: spec.file, line: spec.spans.name?.line ?? 1, column: spec.spans.name?.column ?? 1 } : { file: first?.file ?? '', line: first?.spans.name?.line ?? 1, column: first?.spans.name?.column ?? 1 };
    let approved;
    try {
        approved = JSON.parse((0,source_files/* readSourceFile */.uj)('expected-plan', path, (0,source_files/* workspaceRoot */.oS)()).text);
    }
    catch (error) {
        return [(0,finding/* makeFinding */.MH)('plan-stale', where, `expected-plan: ${path} cannot be read as a plan file (${error instanceof Error ? error.message : String(error)}); nothing is written.`, { hint: 'Give the plan-file output of the approved validate run (for example downloaded with actions/download-artifact).' })];
    }
    const differences = comparePlans(approved, computed.plan);
    if (!differences.length) {
        core.info(`The plan matches the approved plan in ${path}.`);
        return [];
    }
    return [(0,finding/* makeFinding */.MH)('plan-stale', where, `The plan differs from the approved one (${path}): ${differences.join('; ')}. Nothing is written.`, { hint: 'Azure or the files changed since the approval: run validate again, review the new plan, and approve that one.' })];
}
/** The online traffic check decides what the offline analysis could only flag as a notice. */
function supersededOffline(f) {
    return f.rule === 'traffic' && f.severity === 'notice';
}
function describeReads(r, requests) {
    const parts = [
        `${r.connections} connection(s)`,
        `${r.secrets} Key Vault secret(s) (metadata only)`,
        `${r.vaults} vault(s)`,
        `${r.principalScopes} identity role lookup(s)`,
        `${r.roleDefinitions} role definition(s)`,
        `${r.assets} asset(s)${r.registryAssets ? ` (${r.registryAssets} in Azure ML registries)` : ''}`,
    ];
    return `Read (nothing written): the workspace, the endpoint and its deployments, ${parts.join(', ')}; ${requests} request(s) in ${r.durationMs} ms.`;
}
function countStates(o) {
    const counts = { pass: 0, fail: 0, unknown: 0 };
    for (const r of o.references)
        counts[r.status.state]++;
    return `${counts.pass} pass, ${counts.fail} fail, ${counts.unknown} unknown`;
}


/***/ })

};
