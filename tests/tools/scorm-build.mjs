// `npm run build:scorm`: the app built by the normal Vite build into a temporary folder, plus an
// imsmanifest.xml, zipped as a SCORM 1.2 package (dist-scorm/pat-fence-scorm12.zip). The LMS
// launches index.html#/lesson; the lesson finds the LMS's API itself (src/ui/lesson/scorm.ts).
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'dist-scorm');
const zipPath = join(outDir, 'pat-fence-scorm12.zip');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const xml = (s) =>
  String(s).replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c],
  );

export function manifest(files, version) {
  const fileLines = files.map((f) => `        <file href="${xml(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="pat-fence-lesson" version="${xml(version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="pat-fence-org">
    <organization identifier="pat-fence-org">
      <title>PAT Fence: Azure DevOps PATs and Conditional Access</title>
      <item identifier="lesson" identifierref="lesson-resource" isvisible="true" parameters="#/lesson">
        <title>Fencing Azure DevOps PATs with Conditional Access</title>
        <adlcp:masteryscore>75</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="lesson-resource" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileLines}
    </resource>
  </resources>
</manifest>
`;
}

function main() {
  const build = mkdtempSync(join(tmpdir(), 'pat-fence-scorm-'));
  try {
    const r = spawnSync(
      'npx',
      ['vite', 'build', '--outDir', build, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) {
      console.error('build:scorm: the Vite build failed');
      process.exit(1);
    }
    const files = listFiles(build)
      .map((f) => relative(build, f).split(sep).join('/'))
      .sort();
    if (!files.includes('index.html')) {
      console.error(`build:scorm: no index.html in ${build}`);
      process.exit(1);
    }
    const entries = { 'imsmanifest.xml': new TextEncoder().encode(manifest(files, pkg.version)) };
    for (const f of files) entries[f] = readFileSync(join(build, f));
    mkdirSync(outDir, { recursive: true });
    writeFileSync(zipPath, zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
    console.log(
      `build:scorm: ${relative(root, zipPath)} (${files.length + 1} files, ${statSync(zipPath).size} bytes)`,
    );
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
