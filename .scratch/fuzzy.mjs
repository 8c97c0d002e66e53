import Fuse from "fuse.js";
const THRESHOLD = 0.2;
const KEY_NAME = { name: "name", weight: 2 };
const KEY_OTHER = { name: "other", weight: 1 };
const KEY_ALL = { name: "all", weight: 1 };
const matchOptions = { threshold: THRESHOLD, ignoreLocation: true, includeMatches: true, includeScore: true };
const plainOptions = {
  ...matchOptions,
  ignoreDiacritics: true,
  useTokenSearch: true,
  tokenMatch: "all",
  keys: [{ ...KEY_NAME, getFn: (doc) => textOf(doc.fields[0]) }, { ...KEY_OTHER, getFn: (doc) => doc.fields.slice(1).map(textOf) }]
};
const extendedOptions = {
  ...matchOptions,
  ignoreDiacritics: true,
  useExtendedSearch: true,
  keys: [{ ...KEY_NAME, getFn: (doc) => textOf(doc.fields[0]) }, { ...KEY_ALL, getFn: (doc) => doc.fields.map(textOf).join("\n") }]
};
const foldedOptions = {
  ...matchOptions,
  isCaseSensitive: true,
  ignoreDiacritics: false,
  useTokenSearch: true,
  tokenMatch: "all",
  keys: [KEY_NAME, KEY_OTHER]
};
const textOf = (value) => typeof value === "string" ? value : "";
const COMBINING_MARKS = /[\u0300-\u036F\u0483-\u0489\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0711\u0730-\u074A\u07A6-\u07B0\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B\u08D3-\u08E1\u08E3-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962\u0963\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7\u09C8\u09CB-\u09CD\u09D7\u09E2\u09E3\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47\u0A48\u0A4B-\u0A4D\u0A51\u0A70\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2\u0AE3\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47\u0B48\u0B4B-\u0B4D\u0B56\u0B57\u0B62\u0B63\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0C00-\u0C04\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55\u0C56\u0C62\u0C63\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5\u0CD6\u0CE2\u0CE3\u0D00-\u0D03\u0D3B\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D\u0D57\u0D62\u0D63\u0D82\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DF2\u0DF3\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0EB1\u0EB4-\u0EB9\u0EBB\u0EBC\u0EC8-\u0ECD\u0F18\u0F19\u0F35\u0F37\u0F39\u0F3E\u0F3F\u0F71-\u0F84\u0F86\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102B-\u103E\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F\u109A-\u109D\u135D-\u135F\u1712-\u1714\u1732-\u1734\u1752\u1753\u1772\u1773\u17B4-\u17D3\u17DD\u180B-\u180D\u1885\u1886\u18A9\u1920-\u192B\u1930-\u193B\u1A17-\u1A1B\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F\u1AB0-\u1ABE\u1B00-\u1B04\u1B34-\u1B44\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BE6-\u1BF3\u1C24-\u1C37\u1CD0-\u1CD2\u1CD4-\u1CE8\u1CED\u1CF2-\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DF9\u1DFB-\u1DFF\u20D0-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\uA66F-\uA672\uA674-\uA67D\uA69E\uA69F\uA6F0\uA6F1\uA802\uA806\uA80B\uA823-\uA827\uA880\uA881\uA8B4-\uA8C5\uA8E0-\uA8F1\uA8FF\uA926-\uA92D\uA947-\uA953\uA980-\uA983\uA9B3-\uA9C0\uA9E5\uAA29-\uAA36\uAA43\uAA4C\uAA4D\uAA7B-\uAA7D\uAAB0\uAAB2-\uAAB4\uAAB7\uAAB8\uAABE\uAABF\uAAC1\uAAEB-\uAAEF\uAAF5\uAAF6\uABE3-\uABEA\uABEC\uABED\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F]/g;
const NON_DECOMPOSABLE = { \u0142: "l", \u0141: "L", \u0111: "d", \u0110: "D", \u00F8: "o", \u00D8: "O", \u0127: "h", \u0126: "H", \u0167: "t", \u0166: "T", \u0131: "i", \u00DF: "ss" };
const NON_DECOMPOSABLE_RE = /[łŁđĐøØħĦŧŦıß]/g;
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;
const TOKEN_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const TOKEN_START = /[\p{L}\p{M}\p{N}_]/u;
const isAscii = (text) => /^[\u0000-\u007F]*$/.test(text);
function fold(text) {
  if (isAscii(text)) {
    return text.toLowerCase();
  }
  return text.toLowerCase().normalize("NFD").replace(COMBINING_MARKS, "").replace(NON_DECOMPOSABLE_RE, (ch) => NON_DECOMPOSABLE[ch] ?? ch);
}
const foldedCodePoints = /* @__PURE__ */ new Map();
function foldCodePoint(codePoint) {
  let folded = foldedCodePoints.get(codePoint);
  if (folded === void 0) {
    folded = fold(codePoint);
    foldedCodePoints.set(codePoint, folded);
  }
  return folded;
}
function offsetMap(original, folded) {
  if (isAscii(original)) {
    return null;
  }
  const starts = [];
  const ends = [];
  let identity = true;
  for (let at = 0; at < original.length; ) {
    const code = original.codePointAt(at);
    const width = code > 65535 ? 2 : 1;
    const piece = foldCodePoint(original.slice(at, at + width));
    if (piece.length !== width) {
      identity = false;
    }
    for (let unit = 0; unit < piece.length; unit++) {
      starts.push(piece.length === width ? at + unit : at);
      ends.push(piece.length === width ? at + unit + 1 : at + width);
    }
    at += width;
  }
  if (identity && starts.length === folded.length) {
    return null;
  }
  const map = new Int32Array(folded.length * 2);
  for (let unit = 0; unit < folded.length; unit++) {
    if (starts.length === folded.length) {
      map[unit * 2] = starts[unit];
      map[unit * 2 + 1] = ends[unit];
    } else {
      map[unit * 2] = Math.floor(unit * original.length / folded.length);
      map[unit * 2 + 1] = Math.max(map[unit * 2] + 1, Math.floor((unit + 1) * original.length / folded.length));
    }
  }
  return map;
}
const tokenCodePoints = /* @__PURE__ */ new Map();
function isTokenCodePoint(code) {
  if (code < 128) {
    return code >= 97 && code <= 122 || code >= 48 && code <= 57 || code >= 65 && code <= 90 || code === 95;
  }
  let is = tokenCodePoints.get(code);
  if (is === void 0) {
    is = TOKEN_CHAR.test(String.fromCodePoint(code));
    tokenCodePoints.set(code, is);
  }
  return is;
}
function tokenWidthAt(text, at) {
  const code = text.codePointAt(at);
  if (code === void 0) {
    return 0;
  }
  return isTokenCodePoint(code) ? code > 65535 ? 2 : 1 : 0;
}
function tokenBefore(text, at) {
  if (at <= 0) {
    return false;
  }
  const low = text.charCodeAt(at - 1);
  if (low >= 56320 && low <= 57343 && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 55296 && high <= 56319) {
      return isTokenCodePoint((high - 55296) * 1024 + (low - 56320) + 65536);
    }
  }
  return isTokenCodePoint(low);
}
function wordStart(text, term) {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (!tokenBefore(text, at)) {
      return at;
    }
  }
  return -1;
}
const NO_MATCH = 0;
const PREFIX = 1;
const EQUAL = 2;
function compareWords(text, terms, span) {
  let at = 0;
  let start = -1;
  for (let index = 0; index < terms.length; index++) {
    while (at < text.length && tokenWidthAt(text, at) === 0) {
      at++;
    }
    const term = terms[index];
    if (at >= text.length || !text.startsWith(term, at)) {
      return NO_MATCH;
    }
    if (start < 0) {
      start = at;
    }
    at += term.length;
    const continues = at < text.length && tokenWidthAt(text, at) > 0;
    if (index < terms.length - 1) {
      if (continues) {
        return NO_MATCH;
      }
      continue;
    }
    if (span) {
      span[0] = start;
      span[1] = at;
    }
    if (continues) {
      return PREFIX;
    }
    while (at < text.length && tokenWidthAt(text, at) === 0) {
      at++;
    }
    return at >= text.length ? EQUAL : PREFIX;
  }
  return NO_MATCH;
}
const BIGRAM_BITS = 512;
const UNIGRAM_BITS = 64;
const WORDS = (BIGRAM_BITS + UNIGRAM_BITS) / 32;
const bigramBit = (first, second) => Math.imul(first << 16 | second, 2654435761) >>> 23;
function charBit(code) {
  if (code >= 97 && code <= 122) {
    return code - 97;
  }
  if (code >= 48 && code <= 57) {
    return code - 48 + 26;
  }
  return code === 95 ? 36 : 37 + (Math.imul(code, 2654435761) >>> 0) % 27;
}
const isExactChar = (code) => code >= 97 && code <= 122 || code >= 48 && code <= 57 || code === 95;
const unigramBit = (code) => BIGRAM_BITS + charBit(code);
const maskHas = (masks, text, bit) => (masks[text * 2 + (bit >>> 5)] & 1 << (bit & 31)) !== 0;
function addGrams(bits, base, text) {
  let previous = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const unigram = unigramBit(code);
    bits[base + (unigram >>> 5)] |= 1 << (unigram & 31);
    if (previous >= 0) {
      const bigram = bigramBit(previous, code);
      bits[base + (bigram >>> 5)] |= 1 << (bigram & 31);
    }
    previous = code;
  }
}
function gramsOf(text) {
  if (text.length === 1) {
    return Int32Array.of(unigramBit(text.charCodeAt(0)));
  }
  const grams = new Int32Array(Math.max(0, text.length - 1));
  for (let at = 1; at < text.length; at++) {
    grams[at - 1] = bigramBit(text.charCodeAt(at - 1), text.charCodeAt(at));
  }
  return grams;
}
const MAX_BITS = 32;
function errorsFor(length) {
  let errors = 0;
  while (errors + 1 < length && (errors + 1) / length <= THRESHOLD) {
    errors++;
  }
  return errors;
}
function patternMasks(pattern, reverse) {
  const ascii = new Int32Array(128);
  const other = /* @__PURE__ */ new Map();
  for (let at = 0; at < pattern.length; at++) {
    const code = pattern.charCodeAt(at);
    const bit = 1 << (reverse ? pattern.length - 1 - at : at);
    if (code < 128) {
      ascii[code] |= bit;
    } else {
      other.set(code, (other.get(code) ?? 0) | bit);
    }
  }
  return [ascii, other];
}
function makeChunk(pattern) {
  const errors = errorsFor(pattern.length);
  const pieces = [];
  if (errors > 0) {
    for (let piece = 0; piece <= errors; piece++) {
      pieces.push(pattern.slice(Math.floor(piece * pattern.length / (errors + 1)), Math.floor((piece + 1) * pattern.length / (errors + 1))));
    }
  }
  const [ascii, other] = patternMasks(pattern, false);
  const [reverseAscii, reverseOther] = patternMasks(pattern, true);
  return {
    pattern,
    errors,
    grams: gramsOf(pattern),
    need: pattern.length === 1 ? 1 : pattern.length - 1 - 2 * errors,
    pieces,
    pieceGrams: pieces.map((piece) => gramsOf(piece)),
    ascii,
    other,
    reverseAscii,
    reverseOther
  };
}
function makeTerm(text) {
  if (text.length <= MAX_BITS) {
    const chunk = makeChunk(text);
    const letter = text.length === 1 && isExactChar(text.charCodeAt(0)) ? charBit(text.charCodeAt(0)) : -1;
    return { text, chunks: [chunk], long: false, errors: chunk.errors, letter };
  }
  const chunks = [];
  const remainder = text.length % MAX_BITS;
  for (let at = 0; at < text.length - remainder; at += MAX_BITS) {
    chunks.push(makeChunk(text.slice(at, at + MAX_BITS)));
  }
  if (remainder) {
    chunks.push(makeChunk(text.slice(-MAX_BITS)));
  }
  return { text, chunks, long: true, errors: errorsFor(MAX_BITS), letter: -1 };
}
const hasBit = (bits, base, bit) => (bits[base + (bit >>> 5)] & 1 << (bit & 31)) !== 0;
function gramsPass(bits, base, chunk) {
  const { grams, need } = chunk;
  if (need > 0) {
    let have = 0;
    for (let index = 0; index < grams.length && have < need; index++) {
      if (hasBit(bits, base, grams[index])) {
        have++;
      } else if (have + (grams.length - index - 1) < need) {
        return false;
      }
    }
    if (have < need) {
      return false;
    }
  }
  const { pieceGrams } = chunk;
  if (pieceGrams.length === 0) {
    return true;
  }
  pieces: for (const piece of pieceGrams) {
    for (let index = 0; index < piece.length; index++) {
      if (!hasBit(bits, base, piece[index])) {
        continue pieces;
      }
    }
    return true;
  }
  return false;
}
function termGramsPass(bits, base, term) {
  const { chunks } = term;
  for (let index = 0; index < chunks.length; index++) {
    if (gramsPass(bits, base, chunks[index])) {
      return true;
    }
  }
  return false;
}
function withinErrors(chunk, text) {
  const { ascii, other, errors } = chunk;
  const high = 1 << chunk.pattern.length - 1;
  let positive = -1;
  let negative = 0;
  let score = chunk.pattern.length;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const equal = code < 128 ? ascii[code] : other.get(code) ?? 0;
    const vertical = equal | negative;
    const horizontal = (equal & positive) + positive ^ positive | equal;
    let up = negative | ~(horizontal | positive);
    let down = positive & horizontal;
    if ((up & high) !== 0) {
      score++;
    } else if ((down & high) !== 0) {
      score--;
    }
    up <<= 1;
    down <<= 1;
    positive = down | ~(vertical | up);
    negative = up & vertical;
    if (score <= errors) {
      return true;
    }
  }
  return false;
}
function bestWindow(chunk, text) {
  if (text.length >= 65536) {
    return -1;
  }
  const length = chunk.pattern.length;
  const high = 1 << length - 1;
  let positive = -1;
  let negative = 0;
  let score = length;
  let best = length + 1;
  let end = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const equal = code < 128 ? chunk.ascii[code] : chunk.other.get(code) ?? 0;
    const vertical = equal | negative;
    const horizontal = (equal & positive) + positive ^ positive | equal;
    let up = negative | ~(horizontal | positive);
    let down = positive & horizontal;
    if ((up & high) !== 0) {
      score++;
    } else if ((down & high) !== 0) {
      score--;
    }
    up <<= 1;
    down <<= 1;
    positive = down | ~(vertical | up);
    negative = up & vertical;
    if (score < best) {
      best = score;
      end = at + 1;
    }
  }
  if (best > chunk.errors) {
    return -1;
  }
  positive = -1;
  negative = 0;
  score = length;
  for (let at = end - 1; at >= 0; at--) {
    const code = text.charCodeAt(at);
    const equal = code < 128 ? chunk.reverseAscii[code] : chunk.reverseOther.get(code) ?? 0;
    const vertical = equal | negative;
    const horizontal = (equal & positive) + positive ^ positive | equal;
    let up = negative | ~(horizontal | positive);
    let down = positive & horizontal;
    if ((up & high) !== 0) {
      score++;
    } else if ((down & high) !== 0) {
      score--;
    }
    up = up << 1 | 1;
    down <<= 1;
    positive = down | ~(vertical | up);
    negative = up & vertical;
    if (score <= best) {
      return at * 65536 + end;
    }
  }
  return end;
}
const UNKNOWN = 255;
const ABSENT = 0;
const CONTAINS = 1;
const EQUALS = 2;
const FUZZY = 3;
function termState(term, text) {
  if (text === term.text) {
    return EQUALS;
  }
  if (text.includes(term.text)) {
    return CONTAINS;
  }
  for (const chunk of term.chunks) {
    if (chunk.errors > 0 && chunk.pieces.some((piece) => text.includes(piece)) && withinErrors(chunk, text)) {
      return FUZZY;
    }
  }
  return ABSENT;
}
const STAND_IN_SEPARATOR = "\0".repeat(errorsFor(MAX_BITS) + 1);
const EXTENDED = /(?:^|\s)[=!'^]|\$(?:\s|$)|[|"]/u;
function isExtended(query) {
  return EXTENDED.test(query);
}
const itemMatchers = [
  [/^=(.*)$/, "contains"],
  [/^'(.*)$/, "contains"],
  [/^\^(.*)$/, "contains"],
  [/^!\^(.*)$/, "inverse"],
  [/^!(.*)\$$/, "inverse"],
  [/^(.*)\$$/, "contains"],
  [/^!(.*)$/, "inverse"],
  [/^(.*)$/, "fuzzy"]
];
function extendedPlan(folded) {
  if (/["\\]/u.test(folded)) {
    return null;
  }
  const groups = [];
  for (const group of folded.split("|")) {
    const items = [];
    let positive = false;
    let any = false;
    for (const word of group.trim().split(" ")) {
      if (!word.trim()) {
        continue;
      }
      for (const [pattern, kind] of itemMatchers) {
        const token = pattern.exec(word)?.[1];
        if (token) {
          any = true;
          if (kind !== "inverse") {
            positive = true;
            items.push({ kind, term: makeTerm(token) });
          }
          break;
        }
      }
    }
    if (any && !positive) {
      return null;
    }
    if (any) {
      groups.push(items);
    }
  }
  return groups;
}
const plainCache = /* @__PURE__ */ new WeakMap();
function plainFuseSearch(docs, query) {
  if (typeof query !== "string" || !query.trim()) {
    return [];
  }
  let plain = plainCache.get(docs);
  if (plain?.length !== docs.length) {
    plain = { length: docs.length };
    plainCache.set(docs, plain);
  }
  try {
    if (isExtended(query)) {
      plain.extended ??= new Fuse(docs, extendedOptions);
      return plain.extended.search(query).map((result) => result.refIndex);
    }
    plain.words ??= new Fuse(docs, plainOptions);
    return plain.words.search(query).map((result) => result.refIndex);
  } catch {
    return [];
  }
}
function substringSearch(docs, query) {
  const words = typeof query === "string" ? fold(query).split(/\s+/u).filter(Boolean) : [];
  if (words.length === 0) {
    return [];
  }
  const hits = [];
  for (let index = 0; index < docs.length; index++) {
    const text = fold(docs[index].fields.map(textOf).join("\n"));
    if (words.every((word) => text.includes(word))) {
      hits.push(index);
    }
  }
  return hits;
}
const EMPTY = Object.freeze([]);
const NAME_PAIRS = 1;
const NAME_MAPPED = 2;
const GIVE_WORDS = 0;
const GIVE_STAND_IN = 1;
const GIVE_TEXT = 2;
const scratchRanges = [];
const scratchSpan = [0, 0];
const singles = [];
function singleRange(start, end) {
  const width = end - start;
  if (start >= 256 || width >= 64) {
    return [[start, end]];
  }
  const byStart = singles[start] ??= [];
  let ranges = byStart[width];
  if (!ranges) {
    ranges = Object.freeze([Object.freeze([start, end])]);
    byStart[width] = ranges;
  }
  return ranges;
}
function grown(array, needed, make) {
  if (needed <= array.length) {
    return array;
  }
  const next = make(Math.max(needed, array.length * 2, 64));
  next.set(array);
  return next;
}
function countingSort(order, keys, buckets) {
  const counts = new Int32Array(buckets + 1);
  for (let index = 0; index < order.length; index++) {
    counts[keys[order[index]] + 1]++;
  }
  for (let bucket = 1; bucket <= buckets; bucket++) {
    counts[bucket] += counts[bucket - 1];
  }
  const sorted = new Int32Array(order.length);
  for (let index = 0; index < order.length; index++) {
    const hit = order[index];
    sorted[counts[keys[hit]]++] = hit;
  }
  return sorted;
}
function sameSignature(pool, start, end, signature, length) {
  if (end - start !== length) {
    return false;
  }
  for (let at = 0; at < length; at++) {
    if (pool[start + at] !== signature[at]) {
      return false;
    }
  }
  return true;
}
const isHighSurrogate = (code) => code >= 55296 && code <= 56319;
const isLowSurrogate = (code) => code >= 56320 && code <= 57343;
const fuseNorm = Fuse.createIndex([], []).norm;
class Groups {
  /** Per group, the row it was first seen in: what fuse.js is given for it. */
  rows = [];
  #byHash = /* @__PURE__ */ new Map();
  #next = [];
  #start = [];
  #pool = new Int32Array(1024);
  #length = 0;
  /** The group of the first `length` integers of `signature`, new if unseen. */
  of(signature, length, row) {
    let hash = 2166136261 ^ length;
    for (let at = 0; at < length; at++) {
      hash = Math.imul(hash ^ signature[at], 16777619);
    }
    const head = this.#byHash.get(hash) ?? -1;
    for (let group2 = head; group2 >= 0; group2 = this.#next[group2]) {
      if (sameSignature(this.#pool, this.#start[group2], this.#start[group2 + 1] ?? this.#length, signature, length)) {
        return group2;
      }
    }
    const group = this.rows.length;
    this.rows.push(row);
    this.#next.push(head);
    this.#byHash.set(hash, group);
    if (this.#length + length > this.#pool.length) {
      const larger = new Int32Array(Math.max(this.#pool.length * 2, this.#length + length));
      larger.set(this.#pool);
      this.#pool = larger;
    }
    this.#start.push(this.#length);
    this.#pool.set(signature.subarray(0, length), this.#length);
    this.#length += length;
    return group;
  }
}
function newPass(rows) {
  return { candidates: new Int32Array(rows), count: 0, rowGroup: new Int32Array(rows), rowTier: new Uint8Array(rows), rowHighlights: [], groups: new Groups() };
}
const TEXT_ONE_CHAR = 1;
const TEXT_ONE_LETTER_WORD = 2;
class Query {
  constructor(words, terms, texts, info) {
    this.words = words;
    this.terms = terms;
    this.texts = texts;
    this.info = info;
    this.states = terms.map((term) => term.letter >= 0 ? new Uint8Array(0) : new Uint8Array(texts.length).fill(UNKNOWN));
    this.windows = terms.map(() => void 0);
    this.gives = new Int8Array(texts.length).fill(-2);
  }
  words;
  terms;
  texts;
  info;
  states;
  /** Per word allowed errors, its best window in each text (see bestWindow), -2 until computed. */
  windows;
  /** Per text, how it is given to fuse.js (see give), -2 until computed. */
  gives;
  /** Stand-ins, each once: their ids go in the rows' signatures. */
  standIns = /* @__PURE__ */ new Map();
  standInOf = /* @__PURE__ */ new Map();
  state(term, text) {
    const { letter } = this.terms[term];
    if (letter >= 0) {
      if (!maskHas(this.info.chars, text, letter)) {
        return ABSENT;
      }
      return (this.info.flags[text] & TEXT_ONE_CHAR) === 0 ? CONTAINS : EQUALS;
    }
    const states = this.states[term];
    let value = states[text];
    if (value === UNKNOWN) {
      value = termState(this.terms[term], this.texts[text]);
      states[text] = value;
    }
    return value;
  }
  window(term, text) {
    let windows = this.windows[term];
    if (!windows) {
      windows = new Int32Array(this.texts.length).fill(-2);
      this.windows[term] = windows;
    }
    let window = windows[text];
    if (window === -2) {
      window = bestWindow(this.terms[term].chunks[0], this.texts[text]);
      windows[text] = window;
    }
    return window;
  }
  /** How a field with this text is given to fuse.js (GIVE_*), -1 when no word may match it. */
  give(text) {
    const known = this.gives[text];
    if (known !== -2) {
      return known;
    }
    const give = this.#give(text);
    this.gives[text] = give;
    return give;
  }
  #give(text) {
    let give = -1;
    for (let term = 0; term < this.terms.length; term++) {
      const value = this.state(term, text);
      if (value === EQUALS || value === FUZZY && (this.terms[term].long || this.window(term, text) < 0)) {
        return GIVE_TEXT;
      }
      if (value === FUZZY) {
        give = GIVE_STAND_IN;
      } else if (value === CONTAINS && give < 0) {
        give = GIVE_WORDS;
      }
    }
    return give;
  }
  /** The id of a field's stand-in (see standIn): equal stand-ins, equal ids. */
  standInId(text) {
    let id = this.standInOf.get(text);
    if (id === void 0) {
      const standIn = this.standIn(text);
      id = this.standIns.get(standIn);
      if (id === void 0) {
        id = this.standIns.size;
        this.standIns.set(standIn, id);
      }
      this.standInOf.set(text, id);
    }
    return id;
  }
  /** The stand-in of a field: each word it holds exactly, each word it holds with errors as its best window. */
  standIn(text) {
    const parts = [];
    const folded = this.texts[text];
    for (let term = 0; term < this.terms.length; term++) {
      const value = this.state(term, text);
      if (value === CONTAINS) {
        parts.push(this.terms[term].text);
      } else if (value === FUZZY) {
        const window = this.window(term, text);
        parts.push(folded.slice(Math.floor(window / 65536), window % 65536));
      }
    }
    return parts.join(STAND_IN_SEPARATOR) + STAND_IN_SEPARATOR;
  }
}
class FuzzyIndex {
  #docs = [];
  /** Per row, its first slot in the slot arrays; slots are its non-blank fields, in order. */
  #rowStart = new Int32Array(64);
  /** Per row, the length of its original name: shorter names rank first among equals. */
  #nameLength = new Uint32Array(64);
  /** Per row: NAME_PAIRS, NAME_MAPPED. */
  #nameFlags = new Uint8Array(64);
  #bits = new Uint32Array(64 * WORDS);
  #slotText = new Int32Array(256);
  /** fuse.js's key (0 name, 1 other) | the norm's id << 1. */
  #slotHead = new Int32Array(256);
  /** 0 for the name (fields[0]), 1 + the position among the other fields. */
  #slotField = new Uint16Array(256);
  #slots = 0;
  /** Folded field texts, each once; a row's slots point into it. */
  #texts = [];
  #textIds = /* @__PURE__ */ new Map();
  #info = { first: new Uint16Array(256), firstAt: new Uint16Array(256), chars: new Int32Array(512), initials: new Int32Array(512), flags: new Uint8Array(256) };
  #norms = [];
  #normIds = /* @__PURE__ */ new Map();
  /** Offset maps of the names whose fold moved characters (see offsetMap). */
  #nameMaps = /* @__PURE__ */ new Map();
  /** Document frequencies of the words of all fields, as fuse.js's inverted index has them. */
  #stats = { fieldCount: 0, df: /* @__PURE__ */ new Map(), docFieldCount: /* @__PURE__ */ new Map(), docTermFieldHits: /* @__PURE__ */ new Map() };
  /** Words of texts seen more than once (organization names, acronyms), so they are split once. */
  #repeatedWords = /* @__PURE__ */ new Map();
  #previous = null;
  #cached = null;
  constructor(docs) {
    if (docs) {
      this.add(docs);
    }
  }
  /** Rows indexed so far. */
  get size() {
    return this.#docs.length;
  }
  /** Append rows (a list loaded one more page); indices continue. Keeps the index warm: no rebuild of what was there. */
  add(docs) {
    if (!Array.isArray(docs)) {
      return;
    }
    const first = this.#docs.length;
    const rows = first + docs.length;
    this.#rowStart = grown(this.#rowStart, rows + 1, (length) => new Int32Array(length));
    this.#nameLength = grown(this.#nameLength, rows, (length) => new Uint32Array(length));
    this.#nameFlags = grown(this.#nameFlags, rows, (length) => new Uint8Array(length));
    this.#bits = grown(this.#bits, rows * WORDS, (length) => new Uint32Array(length));
    for (let offset = 0; offset < docs.length; offset++) {
      const given = docs[offset];
      const doc = Array.isArray(given?.fields) ? given : { fields: [] };
      const row = first + offset;
      this.#docs.push(doc);
      this.#rowStart[row] = this.#slots;
      const { fields } = doc;
      this.#nameLength[row] = textOf(fields[0]).length;
      for (let field = 0; field < fields.length; field++) {
        const original = textOf(fields[field]);
        if (!original.trim()) {
          addGrams(this.#bits, row * WORDS, fold(original));
          continue;
        }
        const folded = fold(original);
        this.#addSlot(row, field, original, folded);
        if (field === 0 && !isAscii(original)) {
          const map = offsetMap(original, folded);
          this.#nameFlags[row] = (/[\uD800-\uDBFF]/.test(original) ? NAME_PAIRS : 0) | (map ? NAME_MAPPED : 0);
          if (map) {
            this.#nameMaps.set(row, map);
          }
        }
      }
    }
    this.#rowStart[rows] = this.#slots;
    this.#previous = null;
    this.#cached = null;
  }
  #addSlot(row, field, original, folded) {
    let text = this.#textIds.get(folded);
    let words;
    if (text === void 0) {
      text = this.#texts.length;
      this.#texts.push(folded);
      this.#textIds.set(folded, text);
      words = folded.match(TOKEN) ?? [];
      this.#describe(text, folded, words);
    } else {
      words = this.#repeatedWords.get(text);
      if (!words) {
        words = folded.match(TOKEN) ?? [];
        this.#repeatedWords.set(text, words);
      }
    }
    if (words.length > 0) {
      this.#stats.fieldCount++;
      const { df } = this.#stats;
      for (let index = 0; index < words.length; index++) {
        const word = words[index];
        if (words.indexOf(word) === index) {
          df.set(word, (df.get(word) ?? 0) + 1);
        }
      }
    }
    const n = fuseNorm.get(original);
    let normId = this.#normIds.get(n);
    if (normId === void 0) {
      normId = this.#norms.length;
      this.#norms.push(n);
      this.#normIds.set(n, normId);
    }
    const slot = this.#slots++;
    this.#slotText = grown(this.#slotText, slot + 1, (length) => new Int32Array(length));
    this.#slotHead = grown(this.#slotHead, slot + 1, (length) => new Int32Array(length));
    this.#slotField = grown(this.#slotField, slot + 1, (length) => new Uint16Array(length));
    this.#slotText[slot] = text;
    this.#slotHead[slot] = (field === 0 ? 0 : 1) | normId << 1;
    this.#slotField[slot] = field;
    addGrams(this.#bits, row * WORDS, folded);
  }
  /** Fill in what is known of a new text without reading it again (TextInfo). */
  #describe(text, folded, words) {
    const old = this.#info;
    const info = {
      first: grown(old.first, text + 1, (length) => new Uint16Array(length)),
      firstAt: grown(old.firstAt, text + 1, (length) => new Uint16Array(length)),
      chars: grown(old.chars, (text + 1) * 2, (length) => new Int32Array(length)),
      initials: grown(old.initials, (text + 1) * 2, (length) => new Int32Array(length)),
      flags: grown(old.flags, text + 1, (length) => new Uint8Array(length))
    };
    this.#info = info;
    const lead = words[0];
    info.first[text] = lead?.charCodeAt(0) ?? 0;
    info.firstAt[text] = lead === void 0 ? 0 : Math.min(folded.search(TOKEN_START), 65535);
    for (let at = 0; at < folded.length; at++) {
      const bit = charBit(folded.charCodeAt(at));
      info.chars[text * 2 + (bit >>> 5)] |= 1 << (bit & 31);
    }
    for (const word of words) {
      const bit = charBit(word.charCodeAt(0));
      info.initials[text * 2 + (bit >>> 5)] |= 1 << (bit & 31);
    }
    info.flags[text] = (folded.length === 1 ? TEXT_ONE_CHAR : 0) | (words.length === 1 && lead?.length === 1 ? TEXT_ONE_LETTER_WORD : 0);
  }
  /** Ranked hits for a query; '' or whitespace → [] (the caller shows all rows unfiltered). */
  search(query) {
    if (typeof query !== "string" || !query.trim() || this.#docs.length === 0) {
      return [];
    }
    try {
      const folded = fold(query);
      if (isExtended(query)) {
        return this.#searchExtended(query, folded);
      }
      const words = folded.match(TOKEN) ?? [];
      if (words.length === 0) {
        return [];
      }
      const key = `${words.join(" ")}\0${this.#docs.length}`;
      if (this.#cached?.key !== key) {
        this.#cached = { key, hits: this.#searchWords(words) };
      }
      return [...this.#cached.hits];
    } catch {
      return [];
    }
  }
  /** Rows to check: all, or the previous query's candidates when they provably hold every hit of this one. */
  #baseRows(terms) {
    const previous = this.#previous;
    if (previous?.size !== this.#docs.length || previous.terms.length > terms.length) {
      return null;
    }
    for (let index = 0; index < previous.terms.length; index++) {
      const before = previous.terms[index];
      const now = terms[index];
      if (before.long || now.long || !now.text.startsWith(before.text) || before.errors !== now.errors) {
        return null;
      }
    }
    return previous.rows;
  }
  #searchWords(words) {
    const terms = words.map((word) => makeTerm(word));
    const query = new Query(words, terms, this.#texts, this.#info);
    const base = this.#baseRows(terms);
    const pass = terms.length === 1 && terms[0].letter >= 0 ? this.#passLetter(query, base) : this.#passWords(query, base);
    this.#previous = { terms, rows: pass.candidates.slice(0, pass.count), size: this.#docs.length };
    globalThis.T?.("pass");
    return pass.count === 0 ? [] : this.#finish(query, pass);
  }
  /**
   * One pass over the rows, so each row's data is read once: is it a candidate; what would fuse.js
   * be given for it (its group); its tier; its highlights.
   */
  #passWords(query, base) {
    const { terms } = query;
    const rowCount = base ? base.length : this.#docs.length;
    const bits = this.#bits;
    const rowStart = this.#rowStart;
    const slotText = this.#slotText;
    const slotHead = this.#slotHead;
    const termCount = terms.length;
    const maskWords = Math.ceil(termCount / 32);
    const pass = newPass(rowCount);
    let signature = new Int32Array(64);
    rows: for (let position = 0; position < rowCount; position++) {
      const row = base ? base[position] : position;
      const bitBase = row * WORDS;
      for (let term = 0; term < termCount; term++) {
        if (!termGramsPass(bits, bitBase, terms[term])) {
          continue rows;
        }
      }
      const first = rowStart[row];
      const last = rowStart[row + 1];
      for (let term = 0; term < termCount; term++) {
        let found = false;
        for (let slot = first; slot < last && !found; slot++) {
          found = query.state(term, slotText[slot]) !== ABSENT;
        }
        if (!found) {
          continue rows;
        }
      }
      if (signature.length < (last - first) * (1 + maskWords)) {
        signature = new Int32Array((last - first) * (1 + maskWords) * 2);
      }
      let length = 0;
      let nameWhole = false;
      for (let slot = first; slot < last; slot++) {
        const text = slotText[slot];
        const give = query.give(text);
        if (give < 0) {
          continue;
        }
        signature[length++] = slotHead[slot] | give << 17;
        if (give === GIVE_TEXT) {
          signature[length++] = text;
          nameWhole ||= slot === first && this.#slotField[slot] === 0;
        } else if (give === GIVE_STAND_IN) {
          signature[length++] = query.standInId(text);
        } else {
          for (let word = 0; word < maskWords; word++) {
            signature[length + word] = 0;
          }
          for (let term = 0; term < termCount; term++) {
            if (query.state(term, text) === CONTAINS) {
              signature[length + (term >>> 5)] |= 1 << (term & 31);
            }
          }
          length += maskWords;
        }
      }
      const index = pass.count++;
      pass.candidates[index] = row;
      pass.rowGroup[index] = pass.groups.of(signature, length, row);
      pass.rowTier[index] = this.#tier(query, row);
      pass.rowHighlights[index] = nameWhole ? void 0 : this.#highlights(query, row, void 0);
    }
    return pass;
  }
  /**
   * The same pass for a one-letter query (the first keystroke, with nearly every row a hit), read
   * from the texts' masks: only the name is read, to place its highlight.
   */
  #passLetter(query, base) {
    const word = query.words[0];
    const code = word.charCodeAt(0);
    const { letter } = query.terms[0];
    const rowCount = base ? base.length : this.#docs.length;
    const bits = this.#bits;
    const unigram = unigramBit(code);
    const rowWord = unigram >>> 5;
    const rowMask = 1 << (unigram & 31);
    const charWord = letter >>> 5;
    const charMask = 1 << (letter & 31);
    const { chars, initials, first: firstCode, firstAt, flags } = this.#info;
    const rowStart = this.#rowStart;
    const slotText = this.#slotText;
    const slotHead = this.#slotHead;
    const texts = this.#texts;
    const pass = newPass(rowCount);
    let signature = new Int32Array(64);
    for (let position = 0; position < rowCount; position++) {
      const row = base ? base[position] : position;
      if ((bits[row * WORDS + rowWord] & rowMask) === 0) {
        continue;
      }
      const first = rowStart[row];
      const last = rowStart[row + 1];
      if (signature.length < (last - first) * 2) {
        signature = new Int32Array((last - first) * 4);
      }
      let length = 0;
      let tier = 3;
      for (let slot = first; slot < last; slot++) {
        const text = slotText[slot];
        if ((chars[text * 2 + charWord] & charMask) === 0) {
          continue;
        }
        const whole = (flags[text] & TEXT_ONE_CHAR) !== 0;
        signature[length++] = slotHead[slot] | (whole ? GIVE_TEXT : GIVE_WORDS) << 17;
        signature[length++] = whole ? text : 1;
        if (firstCode[text] === code) {
          tier = (flags[text] & TEXT_ONE_LETTER_WORD) === 0 ? Math.min(tier, 1) : 0;
        } else if (tier === 3 && (initials[text * 2 + charWord] & charMask) !== 0) {
          tier = 2;
        }
      }
      if (length === 0) {
        continue;
      }
      const index = pass.count++;
      pass.candidates[index] = row;
      pass.rowGroup[index] = pass.groups.of(signature, length, row);
      pass.rowTier[index] = tier;
      let highlights = EMPTY;
      const name = slotText[first];
      if (first < last && this.#slotField[first] === 0 && (chars[name * 2 + charWord] & charMask) !== 0) {
        let at;
        if (firstCode[name] === code) {
          at = firstAt[name];
        } else {
          const text = texts[name];
          at = (initials[name * 2 + charWord] & charMask) === 0 ? -1 : wordStart(text, word);
          if (at < 0) {
            at = text.indexOf(word);
          }
        }
        highlights = this.#nameFlags[row] === 0 ? singleRange(at, at + 1) : this.#toOriginal(row, [at, at + 1]);
      }
      pass.rowHighlights[index] = highlights;
    }
    return pass;
  }
  /** fuse.js scores the groups; the hits are ordered and made. */
  #finish(query, pass) {
    const { candidates, rowGroup, rowTier, rowHighlights } = pass;
    const candidateCount = pass.count;
    const groupRow = pass.groups.rows;
    const rowStart = this.#rowStart;
    const slotText = this.#slotText;
    globalThis.T?.("pre", groupRow.length);
    const records = groupRow.map((row, group) => this.#record(query, row, group));
    globalThis.T?.("records");
    const fuse = new Fuse([], foldedOptions);
    fuse._invertedIndex = this.#stats;
    fuse.getIndex().setIndexRecords(records);
    const groupScore = new Float64Array(groupRow.length).fill(Number.NaN);
    const groupName = [];
    for (const result2 of fuse.search(query.words.join(" "))) {
      groupScore[result2.refIndex] = Math.min(result2.score ?? 0, 0.999999);
      const name = result2.matches?.find((match) => match.key === KEY_NAME.name);
      const nameSlot = rowStart[groupRow[result2.refIndex]];
      if (name && this.#slotField[nameSlot] === 0 && query.give(slotText[nameSlot]) === GIVE_TEXT) {
        groupName[result2.refIndex] = name.indices;
      }
    }
    globalThis.T?.("fuse");
    const scored = [...groupScore.keys()].filter((group) => !Number.isNaN(groupScore[group]));
    scored.sort((a, b) => groupScore[a] - groupScore[b]);
    const groupRank = new Int32Array(groupRow.length);
    let ranks = 0;
    for (let index = 0; index < scored.length; index++) {
      if (index > 0 && groupScore[scored[index]] !== groupScore[scored[index - 1]]) {
        ranks++;
      }
      groupRank[scored[index]] = ranks;
    }
    ranks++;
    const hitRow = new Int32Array(candidateCount);
    const hitScore = new Float64Array(candidateCount);
    const hitKey = new Int32Array(candidateCount);
    const hitLength = new Uint32Array(candidateCount);
    const hitHighlights = [];
    let hitCount = 0;
    let longestName = 0;
    for (let position = 0; position < candidateCount; position++) {
      const group = rowGroup[position];
      const score = groupScore[group];
      if (Number.isNaN(score)) {
        continue;
      }
      const row = candidates[position];
      const tier = rowTier[position];
      hitRow[hitCount] = row;
      hitScore[hitCount] = tier + score;
      hitKey[hitCount] = tier * ranks + groupRank[group];
      hitLength[hitCount] = this.#nameLength[row];
      longestName = Math.max(longestName, this.#nameLength[row]);
      hitHighlights.push(rowHighlights[position] ?? this.#highlights(query, row, groupName[group]));
      hitCount++;
    }
    globalThis.T?.("hits");
    const identity = new Int32Array(hitCount);
    for (let hit = 0; hit < hitCount; hit++) {
      identity[hit] = hit;
    }
    const byLength = countingSort(identity, hitLength, longestName + 1);
    const order = countingSort(byLength, hitKey, 4 * ranks);
    globalThis.T?.("sort");
    const result = new Array(hitCount);
    for (let index = 0; index < hitCount; index++) {
      const hit = order[index];
      result[index] = { index: hitRow[hit], score: hitScore[hit], highlights: hitHighlights[hit] };
    }
    globalThis.T?.("output");
    return result;
  }
  /** What fuse.js is given for a group: its representative row's fields a word may match, or their stand-ins. */
  #record(query, row, group) {
    const record = { i: group, $: {} };
    const other = [];
    for (let slot = this.#rowStart[row], last = this.#rowStart[row + 1]; slot < last; slot++) {
      const text = this.#slotText[slot];
      const give = query.give(text);
      if (give < 0) {
        continue;
      }
      let v;
      if (give === GIVE_TEXT) {
        v = this.#texts[text];
      } else if (give === GIVE_STAND_IN) {
        v = query.standIn(text);
      } else {
        const held = query.terms.filter((_, term) => query.state(term, text) === CONTAINS).map((term) => term.text);
        v = held.join(STAND_IN_SEPARATOR) + STAND_IN_SEPARATOR;
      }
      const n = this.#norms[this.#slotHead[slot] >>> 1];
      const field = this.#slotField[slot];
      if (field === 0) {
        record.$[0] = { v, n };
      } else {
        other.push({ v, i: field - 1, n });
      }
    }
    if (other.length > 0) {
      record.$[1] = other;
    }
    return record;
  }
  /** 0: a field equals the query; 1: a field starts with it; 2: every word starts a word of a field; 3: the rest. */
  #tier(query, row) {
    const { terms, words } = query;
    const info = this.#info;
    const first = this.#rowStart[row];
    const last = this.#rowStart[row + 1];
    const lead = words[0].charCodeAt(0);
    const oneLetter = terms.length === 1 && terms[0].letter >= 0;
    let tier = 3;
    for (let slot = first; slot < last; slot++) {
      const text = this.#slotText[slot];
      if (info.first[text] !== lead) {
        continue;
      }
      if (oneLetter) {
        if ((info.flags[text] & TEXT_ONE_LETTER_WORD) !== 0) {
          return 0;
        }
        tier = 1;
        continue;
      }
      let holdsAll = true;
      for (let term = 0; term < terms.length && holdsAll; term++) {
        const value = query.state(term, text);
        holdsAll = value === CONTAINS || value === EQUALS;
      }
      if (!holdsAll) {
        continue;
      }
      const loose = compareWords(this.#texts[text], words);
      if (loose === EQUAL) {
        return 0;
      }
      if (loose === PREFIX) {
        tier = 1;
      }
    }
    if (tier < 3) {
      return tier;
    }
    for (let term = 0; term < terms.length; term++) {
      const { letter } = terms[term];
      const initial = charBit(words[term].charCodeAt(0));
      let found = false;
      for (let slot = first; slot < last && !found; slot++) {
        const text = this.#slotText[slot];
        if (!maskHas(info.initials, text, initial)) {
          continue;
        }
        found = letter >= 0 || (query.state(term, text) === CONTAINS || query.state(term, text) === EQUALS) && wordStart(this.#texts[text], words[term]) >= 0;
      }
      if (!found) {
        return 3;
      }
    }
    return 2;
  }
  /** Where to highlight a word the name holds exactly: its first word start, else its first occurrence. */
  #wordAt(text, word, letter) {
    const info = this.#info;
    const code = word.charCodeAt(0);
    if (letter >= 0 && info.first[text] === code) {
      return info.firstAt[text];
    }
    const name = this.#texts[text];
    const at = maskHas(info.initials, text, charBit(code)) ? wordStart(name, word) : -1;
    return at >= 0 ? at : name.indexOf(word);
  }
  /** Ranges of the original name: the query's words where the name holds them, its best windows, or fuse.js's match. */
  #highlights(query, row, fuseIndices) {
    const slot = this.#rowStart[row];
    if (slot >= this.#rowStart[row + 1] || this.#slotField[slot] !== 0) {
      return EMPTY;
    }
    const { terms, words } = query;
    const text = this.#slotText[slot];
    if (terms.length === 1 && this.#nameFlags[row] === 0 && fuseIndices === void 0 && terms[0].letter >= 0) {
      if (query.state(0, text) === ABSENT) {
        return EMPTY;
      }
      const at = this.#wordAt(text, words[0], terms[0].letter);
      return singleRange(at, at + 1);
    }
    const name = this.#texts[text];
    const ranges = scratchRanges;
    ranges.length = 0;
    if (this.#info.first[text] === words[0].charCodeAt(0) && compareWords(name, words, scratchSpan) !== NO_MATCH) {
      ranges.push(scratchSpan[0], scratchSpan[1]);
    } else if (fuseIndices) {
      for (const [start, end] of fuseIndices) {
        ranges.push(start, end + 1);
      }
    } else {
      for (let term = 0; term < terms.length; term++) {
        const value = query.state(term, text);
        const word = words[term];
        if (value === CONTAINS || value === EQUALS) {
          const at = this.#wordAt(text, word, terms[term].letter);
          ranges.push(at, at + word.length);
        } else if (value === FUZZY && !terms[term].long) {
          const window = query.window(term, text);
          if (window >= 0) {
            ranges.push(Math.floor(window / 65536), window % 65536);
          }
        }
      }
    }
    return this.#toOriginal(row, ranges);
  }
  /** Sort and merge folded [start, end) pairs (flat), and map them to the original name. */
  #toOriginal(row, ranges) {
    if (ranges.length === 0) {
      return EMPTY;
    }
    const flags = this.#nameFlags[row];
    if (ranges.length === 2 && flags === 0) {
      return singleRange(ranges[0], ranges[1]);
    }
    for (let at = 2; at < ranges.length; at += 2) {
      const start = ranges[at];
      const end = ranges[at + 1];
      let to = at;
      while (to > 0 && (ranges[to - 2] > start || ranges[to - 2] === start && ranges[to - 1] > end)) {
        ranges[to] = ranges[to - 2];
        ranges[to + 1] = ranges[to - 1];
        to -= 2;
      }
      ranges[to] = start;
      ranges[to + 1] = end;
    }
    const map = (flags & NAME_MAPPED) === 0 ? void 0 : this.#nameMaps.get(row);
    const original = (flags & NAME_PAIRS) === 0 ? "" : textOf(this.#docs[row].fields[0]);
    const length = this.#nameLength[row];
    const merged = [];
    for (let at = 0; at < ranges.length; at += 2) {
      let start = map ? map[ranges[at] * 2] ?? length : ranges[at];
      let end = map ? map[(ranges[at + 1] - 1) * 2 + 1] ?? length : ranges[at + 1];
      if (original) {
        if (start > 0 && isLowSurrogate(original.charCodeAt(start)) && isHighSurrogate(original.charCodeAt(start - 1))) {
          start--;
        }
        if (end < length && isLowSurrogate(original.charCodeAt(end)) && isHighSurrogate(original.charCodeAt(end - 1))) {
          end++;
        }
      }
      start = Math.min(Math.max(start, 0), length);
      end = Math.min(Math.max(end, start), length);
      if (end <= start) {
        continue;
      }
      const previous = merged.at(-1);
      if (previous && start <= previous[1]) {
        previous[1] = Math.max(previous[1], end);
      } else {
        merged.push([start, end]);
      }
    }
    return merged.length === 1 ? singleRange(merged[0][0], merged[0][1]) : merged;
  }
  #searchExtended(query, folded) {
    const key = `${folded}\0${this.#docs.length}`;
    if (this.#cached?.key === key) {
      return [...this.#cached.hits];
    }
    const plan = extendedPlan(folded);
    const rows = [];
    for (let row = 0; row < this.#docs.length; row++) {
      if (plan === null || plan.some((group) => group.every((item) => this.#mayHold(row, item)))) {
        rows.push(row);
      }
    }
    this.#previous = null;
    const docs = rows.map((row) => this.#docs[row]);
    const results = rows.length > 0 ? new Fuse(docs, extendedOptions).search(query) : [];
    const hits = results.map((result) => {
      const row = rows[result.refIndex];
      const name = result.matches?.find((match) => match.key === KEY_NAME.name);
      return {
        index: row,
        score: 3 + Math.min(result.score ?? 0, 0.999999),
        highlights: name ? this.#toOriginal(row, name.indices.flatMap(([start, end]) => [start, end + 1])) : EMPTY
      };
    });
    hits.sort((a, b) => a.score - b.score || this.#nameLength[a.index] - this.#nameLength[b.index] || a.index - b.index);
    this.#cached = { key, hits };
    return [...hits];
  }
  /** Whether a row may satisfy one positive item of an extended query, in one of fuse.js's texts (the name, all fields joined). */
  #mayHold(row, item) {
    if (!termGramsPass(this.#bits, row * WORDS, item.term)) {
      return false;
    }
    const { fields } = this.#docs[row];
    const parts = [];
    let slot = this.#rowStart[row];
    for (const field of fields) {
      const original = textOf(field);
      const text = original.trim() ? this.#texts[this.#slotText[slot++]] : fold(original);
      if (text.includes(item.term.text)) {
        return true;
      }
      parts.push(text);
    }
    if (item.kind === "contains") {
      return false;
    }
    const joined = parts.join("\n");
    return item.term.chunks.some((chunk) => chunk.errors > 0 && withinErrors(chunk, joined));
  }
}
export {
  FuzzyIndex,
  plainFuseSearch,
  substringSearch
};
