"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// server/ingest/decode-worker/worker-main.ts
var import_node_worker_threads = require("node:worker_threads");

// server/ingest/otlp/common/errors.ts
var OtlpDecodeError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "OtlpDecodeError";
  }
};
var ItemRejection = class {
  constructor(reason) {
    this.reason = reason;
  }
  reason;
};
var MAX_REJECTION_REASONS = 5;
var Rejections = class {
  rejected = 0;
  reasons = [];
  add(count, reason) {
    if (count <= 0) return;
    this.rejected += count;
    if (this.reasons.length < MAX_REJECTION_REASONS && !this.reasons.includes(reason)) {
      this.reasons.push(reason);
    }
  }
  /** Records `error` if it is an item rejection; rethrows anything else (a bug or a body-level error). */
  addError(count, error, what) {
    if (!(error instanceof ItemRejection)) throw error;
    this.add(count, `${what}: ${error.reason}`);
  }
};

// server/ingest/otlp/common/parse-json.ts
var import_lossless_json = require("lossless-json");

// server/ingest/otlp/common/scalars.ts
var EMPTY = Object.freeze([]);
var UINT32_MAX = 4294967295;
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function itemList(v, field) {
  if (v == null) return EMPTY;
  if (Array.isArray(v)) return v;
  throw new ItemRejection(`${field} must be an array`);
}
function containerList(v, path2) {
  if (v == null) return EMPTY;
  if (Array.isArray(v)) return v;
  throw new OtlpDecodeError(`${path2} must be an array`);
}
function str(v, field) {
  if (typeof v === "string") return v;
  if (v == null) return "";
  throw new ItemRejection(`${field} must be a string`);
}
function bool(v, field) {
  if (typeof v === "boolean") return v;
  if (v == null) return false;
  throw new ItemRejection(`${field} must be a boolean`);
}
function boundedInt(v, field, min, max) {
  let n;
  if (typeof v === "number") n = v;
  else if (v == null) return 0;
  else if (typeof v === "string" && /^-?\d{1,12}$/.test(v)) n = Number(v);
  else if (typeof v === "bigint") n = Number(v);
  else throw new ItemRejection(`${field} must be an integer`);
  if (!Number.isInteger(n) || n < min || n > max) throw new ItemRejection(`${field} out of range`);
  return n;
}
function u32(v, field) {
  return boundedInt(v, field, 0, UINT32_MAX);
}
function i32(v, field) {
  return boundedInt(v, field, -2147483648, 2147483647);
}
var SPECIAL_DOUBLES = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };
function dbl(v, field) {
  if (typeof v === "number") return v;
  if (v == null) return 0;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string") {
    const special = Object.prototype.hasOwnProperty.call(SPECIAL_DOUBLES, v) ? SPECIAL_DOUBLES[v] : void 0;
    if (special !== void 0) return special;
    const n = v.trim() === "" ? NaN : Number(v);
    if (!Number.isNaN(n)) return n;
  }
  throw new ItemRejection(`${field} must be a number`);
}
function dblOrNull(v, field) {
  return v == null ? null : dbl(v, field);
}
function dblList(v, field) {
  const list = itemList(v, field);
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = dbl(list[i], field);
  return out;
}
function enumValue(v, values, prefix, field) {
  if (typeof v !== "string" || /^-?\d+$/.test(v)) return i32(v, field);
  const upper = v.toUpperCase();
  const own = Object.prototype.hasOwnProperty;
  if (own.call(values, upper)) return values[upper];
  if (own.call(values, prefix + upper)) return values[prefix + upper];
  throw new ItemRejection(`unknown ${field} ${JSON.stringify(v.slice(0, 40))}`);
}

// server/ingest/otlp/common/parse-json.ts
var BIG_INTEGER_LITERAL = /[:,[]\s*-?\d{16}/;
var INTEGER = /^-?\d+$/;
var utf8 = new TextDecoder("utf-8");
function parseNumber(text) {
  if (INTEGER.test(text) && !(0, import_lossless_json.isSafeNumber)(text)) return BigInt(text);
  return Number(text);
}
function describe(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? message.slice(0, 200) + "\u2026" : message;
}
function parseOtlpJson(body) {
  const text = utf8.decode(body);
  let value;
  try {
    value = BIG_INTEGER_LITERAL.test(text) ? (0, import_lossless_json.parse)(text, null, parseNumber) : JSON.parse(text);
  } catch (error) {
    throw new OtlpDecodeError(`invalid JSON: ${describe(error)}`);
  }
  if (!isObject(value)) throw new OtlpDecodeError("OTLP/JSON body must be a JSON object");
  return value;
}

// server/ingest/otlp/common/schema.ts
var import_node_module = require("node:module");
var import_node_path = __toESM(require("node:path"));
var import_meta = {};
function schemaRequire() {
  const bases = [];
  if (typeof import_meta.url === "string") bases.push(import_meta.url);
  if (typeof __filename === "string") bases.push(__filename);
  bases.push(import_node_path.default.join(process.cwd(), "package.json"));
  let lastError;
  for (const base of bases) {
    try {
      return (0, import_node_module.createRequire)((0, import_node_module.createRequire)(base).resolve("otlp-schema/package.json"));
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`cannot resolve otlp-schema: ${String(lastError)}`);
}
var req = schemaRequire();
var protobufPath = req.resolve("protobufjs/minimal");
var protobuf = req(protobufPath);
var Long = (0, import_node_module.createRequire)(protobufPath)("long");
protobuf.util.Long = Long;
protobuf.configure();
var root = req("./build/src/generated/root.js");
var pb = root.opentelemetry.proto;
var protobufReflection = req("protobufjs");
var codecs = {
  traceRequest: pb.collector.trace.v1.ExportTraceServiceRequest,
  traceResponse: pb.collector.trace.v1.ExportTraceServiceResponse,
  logsRequest: pb.collector.logs.v1.ExportLogsServiceRequest,
  logsResponse: pb.collector.logs.v1.ExportLogsServiceResponse,
  metricsRequest: pb.collector.metrics.v1.ExportMetricsServiceRequest,
  metricsResponse: pb.collector.metrics.v1.ExportMetricsServiceResponse
};
var enums = {
  spanKind: pb.trace.v1.Span.SpanKind,
  statusCode: pb.trace.v1.Status.StatusCode,
  severityNumber: pb.logs.v1.SeverityNumber,
  aggregationTemporality: pb.metrics.v1.AggregationTemporality
};
function assertLongPrecision() {
  const probe = "1700000000123456789";
  const Span = pb.trace.v1.Span;
  const bytes = Span.encode({ startTimeUnixNano: Long.fromString(probe, true) }).finish();
  const decoded = Span.decode(bytes).startTimeUnixNano;
  if (!(decoded instanceof Long) || decoded.toString() !== probe) {
    throw new Error("protobufjs is not configured with long.js: 64-bit OTLP fields would lose precision");
  }
}
assertLongPrecision();

// lib/otlp-attributes.ts
function anyValueToText(value) {
  if (!value) return "";
  if (value.stringValue !== void 0) return value.stringValue;
  if (value.intValue !== void 0) return String(value.intValue);
  if (value.doubleValue !== void 0) return String(value.doubleValue);
  if (value.boolValue !== void 0) return value.boolValue ? "true" : "false";
  if (value.bytesValue !== void 0) return value.bytesValue;
  return JSON.stringify(anyValueToPlain(value));
}
function anyValueToPlain(value) {
  if (!value) return null;
  if (value.stringValue !== void 0) return value.stringValue;
  if (value.boolValue !== void 0) return value.boolValue;
  if (value.intValue !== void 0) {
    const n = Number(value.intValue);
    return Number.isSafeInteger(n) ? n : String(value.intValue);
  }
  if (value.doubleValue !== void 0) return value.doubleValue;
  if (value.bytesValue !== void 0) return value.bytesValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(anyValueToPlain);
  if (value.kvlistValue) return keyValuesToPlain(value.kvlistValue.values ?? []);
  return null;
}
function keyValuesToPlain(list) {
  const out = {};
  for (const kv of list) out[kv.key] = anyValueToPlain(kv.value);
  return out;
}

// server/ingest/otlp/common/int64.ts
var TWO_32 = 4294967296;
var U64_MAX = (1n << 64n) - 1n;
var I64_MIN = -(1n << 63n);
var I64_MAX = (1n << 63n) - 1n;
var DECIMAL = /^-?\d{1,20}$/;
function longToBigInt(v, signed) {
  const hi = v.high >>> 0;
  const lo = v.low >>> 0;
  if (signed && v.high < 0) return BigInt.asIntN(64, BigInt(hi) << 32n | BigInt(lo));
  if (hi < 2097152) return BigInt(hi * TWO_32 + lo);
  return BigInt(hi) << 32n | BigInt(lo);
}
function toBigInt(v, signed, field) {
  if (v instanceof Long) return longToBigInt(v, signed);
  if (typeof v === "string") {
    if (!DECIMAL.test(v)) throw new ItemRejection(`${field} must be a decimal integer`);
    return BigInt(v);
  }
  if (typeof v === "number") {
    if (!Number.isInteger(v)) throw new ItemRejection(`${field} must be an integer`);
    return BigInt(v);
  }
  if (typeof v === "bigint") return v;
  throw new ItemRejection(`${field} must be an integer`);
}
function u64(v, field) {
  if (v == null) return 0n;
  const n = toBigInt(v, false, field);
  if (n < 0n || n > U64_MAX) throw new ItemRejection(`${field} out of range`);
  return n;
}
function i64(v, field) {
  if (v == null) return 0n;
  const n = toBigInt(v, true, field);
  if (n < I64_MIN || n > I64_MAX) throw new ItemRejection(`${field} out of range`);
  return n;
}
function u64List(list, field) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = u64(list[i], field);
  return out;
}

// server/ingest/otlp/common/any-value.ts
var MAX_ANY_VALUE_DEPTH = 64;
function doubleJson(n) {
  if (Number.isFinite(n)) return JSON.stringify(n);
  return Number.isNaN(n) ? '"NaN"' : n > 0 ? '"Infinity"' : '"-Infinity"';
}
function bytesBase64(v) {
  if (v instanceof Uint8Array) {
    return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
  }
  if (typeof v === "string") {
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) throw new ItemRejection("bytesValue must be base64");
    return Buffer.from(v, "base64").toString("base64");
  }
  throw new ItemRejection("bytesValue must be base64");
}
function arrayJson(v, depth) {
  if (!isObject(v)) throw new ItemRejection("arrayValue must be an object");
  const values = itemList(v.values, "arrayValue.values");
  let out = '{"arrayValue":{"values":[';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    out += anyValueJson(values[i], depth + 1);
  }
  return out + "]}}";
}
function kvlistJson(v, depth) {
  if (!isObject(v)) throw new ItemRejection("kvlistValue must be an object");
  return '{"kvlistValue":{"values":' + keyValuesJson(v.values, depth + 1) + "}}";
}
function anyValueJson(v, depth = 0) {
  if (v == null) return "{}";
  if (!isObject(v)) throw new ItemRejection("AnyValue must be an object");
  if (depth > MAX_ANY_VALUE_DEPTH) throw new ItemRejection("AnyValue nested too deeply");
  if (v.stringValue != null) return '{"stringValue":' + JSON.stringify(str(v.stringValue, "stringValue")) + "}";
  if (v.boolValue != null) return bool(v.boolValue, "boolValue") ? '{"boolValue":true}' : '{"boolValue":false}';
  if (v.intValue != null) return '{"intValue":"' + i64(v.intValue, "intValue").toString() + '"}';
  if (v.doubleValue != null) return '{"doubleValue":' + doubleJson(dbl(v.doubleValue, "doubleValue")) + "}";
  if (v.arrayValue != null) return arrayJson(v.arrayValue, depth);
  if (v.kvlistValue != null) return kvlistJson(v.kvlistValue, depth);
  if (v.bytesValue != null) return '{"bytesValue":"' + bytesBase64(v.bytesValue) + '"}';
  return "{}";
}
function keyValuesJson(list, depth = 0) {
  const items = itemList(list, "attributes");
  if (items.length === 0) return "[]";
  const parts = [];
  for (let i = 0; i < items.length; i++) {
    const kv = items[i];
    if (!isObject(kv)) throw new ItemRejection("attribute must be an object");
    parts.push((i === 0 ? '[{"key":' : '{"key":') + JSON.stringify(str(kv.key, "attribute key")) + ',"value":' + anyValueJson(kv.value, depth) + "}");
  }
  parts[parts.length - 1] += "]";
  return parts.join(",");
}
function findStringAttribute(list, key) {
  if (!Array.isArray(list)) return void 0;
  for (const kv of list) {
    if (isObject(kv) && kv.key === key && isObject(kv.value) && typeof kv.value.stringValue === "string") {
      return kv.value.stringValue;
    }
  }
  return void 0;
}

// server/ingest/otlp/common/ids.ts
var HEX_16 = /^[0-9a-fA-F]{16}$/;
var HEX_32 = /^[0-9a-fA-F]{32}$/;
var ALL_ZERO = /^0+$/;
function bytesToHex(bytes) {
  if (Buffer.isBuffer(bytes)) return bytes.toString("hex");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}
function idHex(v, bytes, field) {
  if (v == null) return "";
  if (typeof v === "string") {
    if (v.length === 0) return "";
    if (!(bytes === 16 ? HEX_32 : HEX_16).test(v)) {
      throw new ItemRejection(`${field} must be ${bytes * 2} hex characters`);
    }
    return v.toLowerCase();
  }
  if (v instanceof Uint8Array) {
    if (v.length === 0) return "";
    if (v.length !== bytes) throw new ItemRejection(`${field} must be ${bytes} bytes, got ${v.length}`);
    return bytesToHex(v);
  }
  throw new ItemRejection(`${field} must be a hex string`);
}
function isZeroId(hex) {
  return ALL_ZERO.test(hex);
}
function requiredId(v, bytes, field) {
  const hex = idHex(v, bytes, field);
  if (hex === "") throw new ItemRejection(`${field} is missing`);
  if (isZeroId(hex)) throw new ItemRejection(`${field} is all zeros`);
  return hex;
}
function optionalId(v, bytes, field) {
  const hex = idHex(v, bytes, field);
  return hex === "" || isZeroId(hex) ? null : hex;
}

// server/ingest/otlp/common/resource-scope.ts
var UNKNOWN_SERVICE = "unknown_service";
function convertResource(resource, schemaUrl) {
  const url = str(schemaUrl, "resource schemaUrl");
  if (resource == null) {
    return { serviceName: UNKNOWN_SERVICE, attributesJson: "[]", droppedAttributesCount: 0, schemaUrl: url };
  }
  if (!isObject(resource)) throw new ItemRejection("resource must be an object");
  const serviceName = findStringAttribute(resource.attributes, "service.name");
  return {
    serviceName: serviceName ? serviceName : UNKNOWN_SERVICE,
    attributesJson: keyValuesJson(resource.attributes),
    droppedAttributesCount: u32(resource.droppedAttributesCount, "resource droppedAttributesCount"),
    schemaUrl: url
  };
}
function convertScope(scope, schemaUrl) {
  const url = str(schemaUrl, "scope schemaUrl");
  if (scope == null) return { name: "", version: "", attributesJson: "[]", droppedAttributesCount: 0, schemaUrl: url };
  if (!isObject(scope)) throw new ItemRejection("scope must be an object");
  return {
    name: str(scope.name, "scope name"),
    version: str(scope.version, "scope version"),
    attributesJson: keyValuesJson(scope.attributes),
    droppedAttributesCount: u32(scope.droppedAttributesCount, "scope droppedAttributesCount"),
    schemaUrl: url
  };
}

// server/ingest/otlp/common/walk.ts
function countItems(items, converter4) {
  let n = 0;
  for (const item of items) n += converter4.count(item);
  return n;
}
function countScopes(scopes, shape, converter4) {
  let n = 0;
  for (const scope of scopes) {
    const items = isObject(scope) ? scope[shape.items] : null;
    if (Array.isArray(items)) n += countItems(items, converter4);
  }
  return n;
}
function walkScopes(scopes, resource, ctx, groups) {
  for (let s = 0; s < scopes.length; s++) {
    const scopeItems = scopes[s];
    const path2 = `${ctx.path}[${s}]`;
    if (!isObject(scopeItems)) throw new OtlpDecodeError(`${path2} must be an object`);
    const items = containerList(scopeItems[ctx.shape.items], `${path2}.${ctx.shape.items}`);
    let scope;
    try {
      scope = convertScope(scopeItems.scope, scopeItems.schemaUrl);
    } catch (error) {
      ctx.rejections.addError(countItems(items, ctx.converter), error, "scope");
      continue;
    }
    const rows = [];
    for (let i = 0; i < items.length; i++) ctx.converter.convert(items[i], rows, ctx.rejections);
    if (rows.length > 0) groups.push({ resource, scope, rows });
  }
}
function walkExport(request, shape, converter4) {
  const rejections = new Rejections();
  const groups = [];
  const resources = containerList(request[shape.resources], shape.resources);
  for (let r = 0; r < resources.length; r++) {
    const resourceItems = resources[r];
    const path2 = `${shape.resources}[${r}]`;
    if (!isObject(resourceItems)) throw new OtlpDecodeError(`${path2} must be an object`);
    const scopes = containerList(resourceItems[shape.scopes], `${path2}.${shape.scopes}`);
    let resource;
    try {
      resource = convertResource(resourceItems.resource, resourceItems.schemaUrl);
    } catch (error) {
      rejections.addError(countScopes(scopes, shape, converter4), error, "resource");
      continue;
    }
    const ctx = { shape, converter: converter4, rejections, path: `${path2}.${shape.scopes}` };
    walkScopes(scopes, resource, ctx, groups);
  }
  return { groups, rejected: rejections.rejected, rejectionReasons: rejections.reasons };
}
function singleRowConverter(convert, what) {
  return {
    convert(item, out, rejections) {
      try {
        out.push(convert(item));
      } catch (error) {
        rejections.addError(1, error, what);
      }
    },
    count: () => 1
  };
}

// server/ingest/otlp/logs/convert.ts
var SHAPE = { resources: "resourceLogs", scopes: "scopeLogs", items: "logRecords" };
function bodyText(body, bodyJson) {
  if (isObject(body) && typeof body.stringValue === "string") return body.stringValue;
  if (bodyJson === "{}") return "";
  return anyValueToText(JSON.parse(bodyJson));
}
function convertLogRecord(v) {
  if (!isObject(v)) throw new ItemRejection("log record must be an object");
  const bodyJson = anyValueJson(v.body);
  return {
    timeUnixNano: u64(v.timeUnixNano, "timeUnixNano"),
    observedTimeUnixNano: u64(v.observedTimeUnixNano, "observedTimeUnixNano"),
    severityNumber: enumValue(v.severityNumber, enums.severityNumber, "SEVERITY_NUMBER_", "severityNumber"),
    severityText: str(v.severityText, "severityText"),
    bodyJson,
    bodyText: bodyText(v.body, bodyJson),
    attributesJson: keyValuesJson(v.attributes),
    droppedAttributesCount: u32(v.droppedAttributesCount, "droppedAttributesCount"),
    flags: u32(v.flags, "flags"),
    traceId: optionalId(v.traceId, 16, "traceId"),
    spanId: optionalId(v.spanId, 8, "spanId"),
    eventName: str(v.eventName, "eventName")
  };
}
var converter = singleRowConverter(convertLogRecord, "log record");
function convertLogs(request) {
  return walkExport(request, SHAPE, converter);
}

// server/ingest/otlp/metrics/points.ts
function numberValue(v) {
  if (v.asDouble != null) return dbl(v.asDouble, "asDouble");
  if (v.asInt != null) return i64(v.asInt, "asInt");
  return 0;
}
function exemplars(v) {
  const list = itemList(v, "exemplars");
  const out = [];
  for (const e of list) {
    if (!isObject(e)) throw new ItemRejection("exemplar must be an object");
    out.push({
      timeUnixNano: u64(e.timeUnixNano, "exemplar timeUnixNano"),
      value: numberValue(e),
      traceId: optionalId(e.traceId, 16, "exemplar traceId"),
      spanId: optionalId(e.spanId, 8, "exemplar spanId"),
      filteredAttributesJson: keyValuesJson(e.filteredAttributes)
    });
  }
  return out;
}
function numberPoint(p) {
  return {
    kind: "number",
    startTimeUnixNano: u64(p.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: u64(p.timeUnixNano, "timeUnixNano"),
    flags: u32(p.flags, "flags"),
    exemplars: exemplars(p.exemplars),
    value: numberValue(p)
  };
}
function histogramPoint(p) {
  return {
    kind: "histogram",
    startTimeUnixNano: u64(p.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: u64(p.timeUnixNano, "timeUnixNano"),
    flags: u32(p.flags, "flags"),
    exemplars: exemplars(p.exemplars),
    count: u64(p.count, "count"),
    sum: dblOrNull(p.sum, "sum"),
    min: dblOrNull(p.min, "min"),
    max: dblOrNull(p.max, "max"),
    bucketCounts: u64List(itemList(p.bucketCounts, "bucketCounts"), "bucketCounts"),
    explicitBounds: dblList(p.explicitBounds, "explicitBounds")
  };
}
function buckets(v, field) {
  if (v == null) return { offset: 0, counts: [] };
  if (!isObject(v)) throw new ItemRejection(`${field} must be an object`);
  return {
    offset: i32(v.offset, `${field} offset`),
    counts: u64List(itemList(v.bucketCounts, `${field} bucketCounts`), `${field} bucketCounts`)
  };
}
function exponentialHistogramPoint(p) {
  const positive = buckets(p.positive, "positive");
  const negative = buckets(p.negative, "negative");
  return {
    kind: "exponentialHistogram",
    startTimeUnixNano: u64(p.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: u64(p.timeUnixNano, "timeUnixNano"),
    flags: u32(p.flags, "flags"),
    exemplars: exemplars(p.exemplars),
    count: u64(p.count, "count"),
    sum: dblOrNull(p.sum, "sum"),
    min: dblOrNull(p.min, "min"),
    max: dblOrNull(p.max, "max"),
    scale: i32(p.scale, "scale"),
    zeroCount: u64(p.zeroCount, "zeroCount"),
    zeroThreshold: dbl(p.zeroThreshold, "zeroThreshold"),
    positiveOffset: positive.offset,
    positiveBucketCounts: positive.counts,
    negativeOffset: negative.offset,
    negativeBucketCounts: negative.counts
  };
}
function quantileValues(v) {
  const list = itemList(v, "quantileValues");
  const out = [];
  for (const q of list) {
    if (!isObject(q)) throw new ItemRejection("quantile value must be an object");
    out.push({ quantile: dbl(q.quantile, "quantile"), value: dbl(q.value, "quantile value") });
  }
  return out;
}
function summaryPoint(p) {
  return {
    kind: "summary",
    startTimeUnixNano: u64(p.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: u64(p.timeUnixNano, "timeUnixNano"),
    flags: u32(p.flags, "flags"),
    exemplars: [],
    // SummaryDataPoint has no exemplars field in the proto
    count: u64(p.count, "count"),
    sum: dbl(p.sum, "sum"),
    quantileValues: quantileValues(p.quantileValues)
  };
}
var pointConverters = {
  gauge: numberPoint,
  sum: numberPoint,
  histogram: histogramPoint,
  exponentialHistogram: exponentialHistogramPoint,
  summary: summaryPoint
};

// server/ingest/otlp/metrics/convert.ts
var SHAPE2 = { resources: "resourceMetrics", scopes: "scopeMetrics", items: "metrics" };
var KINDS = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"];
function dataKind(v) {
  for (const kind of KINDS) if (v[kind] != null) return kind;
  return null;
}
function metricData(v) {
  if (!isObject(v)) throw new ItemRejection("metric must be an object");
  const kind = dataKind(v);
  if (kind === null) return null;
  const data = v[kind];
  if (!isObject(data)) throw new ItemRejection(`${kind} must be an object`);
  const hasTemporality = kind === "sum" || kind === "histogram" || kind === "exponentialHistogram";
  const base = {
    name: str(v.name, "name"),
    description: str(v.description, "description"),
    unit: str(v.unit, "unit"),
    kind,
    temporality: hasTemporality ? enumValue(data.aggregationTemporality, enums.aggregationTemporality, "AGGREGATION_TEMPORALITY_", "aggregationTemporality") : 0,
    isMonotonic: kind === "sum" ? bool(data.isMonotonic, "isMonotonic") : false,
    attributesJson: "[]",
    metadataJson: keyValuesJson(v.metadata)
  };
  return { base, points: itemList(data.dataPoints, "dataPoints") };
}
function countPoints(v) {
  if (!isObject(v)) return 1;
  const kind = dataKind(v);
  const data = kind === null ? null : v[kind];
  return isObject(data) && Array.isArray(data.dataPoints) ? data.dataPoints.length : 0;
}
function seriesWithAttributes(base, attributesJson) {
  return {
    name: base.name,
    description: base.description,
    unit: base.unit,
    kind: base.kind,
    temporality: base.temporality,
    isMonotonic: base.isMonotonic,
    attributesJson,
    metadataJson: base.metadataJson
  };
}
function convertMetric(v, out, rejections) {
  let metric;
  try {
    metric = metricData(v);
  } catch (error) {
    rejections.addError(countPoints(v), error, "metric");
    return;
  }
  if (metric === null) return;
  const { base, points } = metric;
  const convertPoint = pointConverters[base.kind];
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    try {
      if (!isObject(p)) throw new ItemRejection("data point must be an object");
      const point = convertPoint(p);
      out.push({ series: seriesWithAttributes(base, keyValuesJson(p.attributes)), point });
    } catch (error) {
      rejections.addError(1, error, `data point of ${JSON.stringify(base.name.slice(0, 60))}`);
    }
  }
}
var converter2 = { convert: convertMetric, count: countPoints };
function convertMetrics(request) {
  return walkExport(request, SHAPE2, converter2);
}

// server/ingest/otlp/traces/convert.ts
var SHAPE3 = { resources: "resourceSpans", scopes: "scopeSpans", items: "spans" };
function eventsJson(v) {
  const events = itemList(v, "events");
  if (events.length === 0) return "[]";
  let out = "[";
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!isObject(e)) throw new ItemRejection("event must be an object");
    if (i > 0) out += ",";
    out += '{"timeUnixNano":"' + u64(e.timeUnixNano, "event timeUnixNano").toString() + '","name":' + JSON.stringify(str(e.name, "event name")) + ',"attributes":' + keyValuesJson(e.attributes) + ',"droppedAttributesCount":' + u32(e.droppedAttributesCount, "event droppedAttributesCount") + "}";
  }
  return out + "]";
}
function linksJson(v) {
  const links = itemList(v, "links");
  if (links.length === 0) return "[]";
  let out = "[";
  for (let i = 0; i < links.length; i++) {
    const l = links[i];
    if (!isObject(l)) throw new ItemRejection("link must be an object");
    if (i > 0) out += ",";
    out += '{"traceId":"' + idHex(l.traceId, 16, "link traceId") + '","spanId":"' + idHex(l.spanId, 8, "link spanId") + '","traceState":' + JSON.stringify(str(l.traceState, "link traceState")) + ',"attributes":' + keyValuesJson(l.attributes) + ',"droppedAttributesCount":' + u32(l.droppedAttributesCount, "link droppedAttributesCount") + ',"flags":' + u32(l.flags, "link flags") + "}";
  }
  return out + "]";
}
function statusOf(v) {
  if (v == null) return null;
  if (!isObject(v)) throw new ItemRejection("status must be an object");
  return v;
}
function convertSpan(v) {
  if (!isObject(v)) throw new ItemRejection("span must be an object");
  const status = statusOf(v.status);
  return {
    traceId: requiredId(v.traceId, 16, "traceId"),
    spanId: requiredId(v.spanId, 8, "spanId"),
    parentSpanId: optionalId(v.parentSpanId, 8, "parentSpanId"),
    traceState: str(v.traceState, "traceState"),
    flags: u32(v.flags, "flags"),
    name: str(v.name, "name"),
    kind: enumValue(v.kind, enums.spanKind, "SPAN_KIND_", "kind"),
    startTimeUnixNano: u64(v.startTimeUnixNano, "startTimeUnixNano"),
    endTimeUnixNano: u64(v.endTimeUnixNano, "endTimeUnixNano"),
    statusCode: status ? enumValue(status.code, enums.statusCode, "STATUS_CODE_", "status code") : 0,
    statusMessage: status ? str(status.message, "status message") : "",
    attributesJson: keyValuesJson(v.attributes),
    droppedAttributesCount: u32(v.droppedAttributesCount, "droppedAttributesCount"),
    eventsJson: eventsJson(v.events),
    droppedEventsCount: u32(v.droppedEventsCount, "droppedEventsCount"),
    linksJson: linksJson(v.links),
    droppedLinksCount: u32(v.droppedLinksCount, "droppedLinksCount")
  };
}
var converter3 = singleRowConverter(convertSpan, "span");
function convertTraces(request) {
  return walkExport(request, SHAPE3, converter3);
}

// server/ingest/otlp/decode.ts
function decodeProtobuf(codec, body) {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  try {
    return codec.decode(buffer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new OtlpDecodeError(`invalid protobuf: ${message.slice(0, 200)}`);
  }
}
function decodeBody(codec, body, encoding) {
  return encoding === "json" ? parseOtlpJson(body) : decodeProtobuf(codec, body);
}
function decodeTraces(body, encoding) {
  return convertTraces(decodeBody(codecs.traceRequest, body, encoding));
}
function decodeLogs(body, encoding) {
  return convertLogs(decodeBody(codecs.logsRequest, body, encoding));
}
function decodeMetrics(body, encoding) {
  return convertMetrics(decodeBody(codecs.metricsRequest, body, encoding));
}

// server/store/metric-columns.ts
var U64_MAX2 = (1n << 64n) - 1n;
var I64_MIN2 = -(1n << 63n);
var I64_MAX2 = (1n << 63n) - 1n;
var U32_MAX = 4294967295;
var inU64 = (v) => v >= 0n && v <= U64_MAX2;
function identityOf(key) {
  return {
    name: key.name,
    description: key.description,
    unit: key.unit,
    kind: key.kind,
    temporality: key.temporality,
    isMonotonic: key.isMonotonic,
    metadataJson: key.metadataJson
  };
}
function sameIdentity(a, b) {
  return a.name === b.name && a.unit === b.unit && a.kind === b.kind && a.temporality === b.temporality && a.isMonotonic === b.isMonotonic && a.description === b.description && a.metadataJson === b.metadataJson;
}
function fitsColumns(p) {
  if (p.kind !== "number" || p.exemplars.length > 0) return false;
  if (!inU64(p.timeUnixNano) || !inU64(p.startTimeUnixNano)) return false;
  if (!Number.isInteger(p.flags) || p.flags < 0 || p.flags > U32_MAX) return false;
  return typeof p.value === "number" || p.value >= I64_MIN2 && p.value <= I64_MAX2;
}
function numberColumns(points) {
  const n = points.length;
  const c = {
    timeUnixNano: new BigUint64Array(n),
    startTimeUnixNano: new BigUint64Array(n),
    flags: new Uint32Array(n),
    isInt: new Uint8Array(n),
    doubles: new Float64Array(n),
    ints: new BigInt64Array(n)
  };
  for (let i = 0; i < n; i++) {
    const p = points[i];
    c.timeUnixNano[i] = p.timeUnixNano;
    c.startTimeUnixNano[i] = p.startTimeUnixNano;
    c.flags[i] = p.flags;
    if (typeof p.value === "bigint") {
      c.isInt[i] = 1;
      c.ints[i] = p.value;
    } else {
      c.doubles[i] = p.value;
    }
  }
  return c;
}
function packRun(rows, start, end) {
  const attributesJson = new Array(end - start);
  const points = new Array(end - start);
  let columnar = true;
  for (let i = start; i < end; i++) {
    attributesJson[i - start] = rows[i].series.attributesJson;
    points[i - start] = rows[i].point;
    columnar &&= fitsColumns(rows[i].point);
  }
  return { metric: identityOf(rows[start].series), attributesJson, points: columnar ? numberColumns(points) : points };
}
function packMetricRows(rows) {
  const out = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || !sameIdentity(rows[start].series, rows[i].series)) {
      out.push(packRun(rows, start, i));
      start = i;
    }
  }
  return out;
}
function packMetricGroups(groups) {
  return groups.map((g) => ({ resource: g.resource, scope: g.scope, rows: packMetricRows(g.rows) }));
}

// server/ingest/decode-worker/decode-signal.ts
function decodeSignal(signal, body, encoding) {
  if (signal === "traces") return decodeTraces(body, encoding);
  if (signal === "logs") return decodeLogs(body, encoding);
  const decoded = decodeMetrics(body, encoding);
  return { ...decoded, groups: packMetricGroups(decoded.groups) };
}

// server/ingest/decode-worker/worker-main.ts
var port = import_node_worker_threads.parentPort;
if (!port) throw new Error("decode-worker.cjs must run as a worker thread");
port.on("message", (request) => {
  let reply;
  try {
    const body = Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength);
    reply = { id: request.id, ok: true, decoded: decodeSignal(request.signal, body, request.encoding) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reply = { id: request.id, ok: false, invalid: err instanceof OtlpDecodeError, message };
  }
  port.postMessage(reply);
});
