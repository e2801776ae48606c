// Reading the SharePoint package (`dist/supervision-widget.sppkg`, a zip file) the way SharePoint's
// app catalog does: every file by name, and the web part's manifest and assets from them.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { DIST } from "./helpers.mjs";

export const PACKAGE_PATH = path.join(DIST, "supervision-widget.sppkg");

/** Every file in a zip archive: Map(name → Buffer). Stored and deflated entries, as OPC uses. */
export function readZip(file) {
  const zip = fs.readFileSync(file);
  // The end-of-central-directory record: the last 22+ bytes, found by its signature.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = zip.readUInt16LE(entry + 10);
    const compressedSize = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const extraLength = zip.readUInt16LE(entry + 30);
    const commentLength = zip.readUInt16LE(entry + 32);
    const localHeader = zip.readUInt32LE(entry + 42);
    const name = zip.toString("utf8", entry + 46, entry + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) files.set(name, Buffer.from(data));
    else if (method === 8) files.set(name, zlib.inflateRawSync(data));
    else throw new Error(`${name}: zip method ${method} is not supported`);
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** Decodes the XML escapes SharePoint's package uses inside attribute values. */
function unescapeXml(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, "&");
}

/**
 * The package as SharePoint reads it: { files, manifest (the web part's component manifest),
 * appManifest (AppManifest.xml's text), assets (Map of ClientSideAssets/ file name → Buffer) }.
 */
export function readPackage(file = PACKAGE_PATH) {
  const files = readZip(file);
  const webPartXml = [...files.keys()].find((name) => /\/WebPart_[0-9a-f-]+\.xml$/.test(name));
  if (!webPartXml) throw new Error("the package holds no web part");
  const match = files.get(webPartXml).toString("utf8").match(/ComponentManifest="([^"]*)"/);
  if (!match) throw new Error(`${webPartXml} has no ComponentManifest`);
  const manifest = JSON.parse(unescapeXml(match[1]));
  const assets = new Map(
    [...files]
      .filter(([name]) => name.startsWith("ClientSideAssets/"))
      .map(([name, data]) => [name.slice("ClientSideAssets/".length), data])
  );
  return { files, manifest, appManifest: files.get("AppManifest.xml").toString("utf8"), assets };
}
