// Short stable content hashes for document and annotation ids.
import { createHash } from "node:crypto";

export function shortHash(text: string, length = 16): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, length);
}
