"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
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

// server/main.ts
var import_node_http = __toESM(require("node:http"));
var import_node_path7 = __toESM(require("node:path"));
var import_next = __toESM(require("next"));

// server/ingest/decode-worker/decode-off-thread.ts
var import_node_fs = __toESM(require("node:fs"));
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
function containerList(v, path8) {
  if (v == null) return EMPTY;
  if (Array.isArray(v)) return v;
  throw new OtlpDecodeError(`${path8} must be an array`);
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
function parseNumber(text7) {
  if (INTEGER.test(text7) && !(0, import_lossless_json.isSafeNumber)(text7)) return BigInt(text7);
  return Number(text7);
}
function describe(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? message.slice(0, 200) + "\u2026" : message;
}
function parseOtlpJson(body) {
  const text7 = utf8.decode(body);
  let value;
  try {
    value = BIG_INTEGER_LITERAL.test(text7) ? (0, import_lossless_json.parse)(text7, null, parseNumber) : JSON.parse(text7);
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
  for (const kv2 of list) out[kv2.key] = anyValueToPlain(kv2.value);
  return out;
}
function attributesJsonToTextMap(attributesJson) {
  const list = JSON.parse(attributesJson);
  const out = {};
  for (const kv2 of list) out[kv2.key] = anyValueToText(kv2.value);
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
    const kv2 = items[i];
    if (!isObject(kv2)) throw new ItemRejection("attribute must be an object");
    parts.push((i === 0 ? '[{"key":' : '{"key":') + JSON.stringify(str(kv2.key, "attribute key")) + ',"value":' + anyValueJson(kv2.value, depth) + "}");
  }
  parts[parts.length - 1] += "]";
  return parts.join(",");
}
function findStringAttribute(list, key) {
  if (!Array.isArray(list)) return void 0;
  for (const kv2 of list) {
    if (isObject(kv2) && kv2.key === key && isObject(kv2.value) && typeof kv2.value.stringValue === "string") {
      return kv2.value.stringValue;
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
function countScopes(scopes2, shape, converter4) {
  let n = 0;
  for (const scope of scopes2) {
    const items = isObject(scope) ? scope[shape.items] : null;
    if (Array.isArray(items)) n += countItems(items, converter4);
  }
  return n;
}
function walkScopes(scopes2, resource, ctx, groups) {
  for (let s = 0; s < scopes2.length; s++) {
    const scopeItems = scopes2[s];
    const path8 = `${ctx.path}[${s}]`;
    if (!isObject(scopeItems)) throw new OtlpDecodeError(`${path8} must be an object`);
    const items = containerList(scopeItems[ctx.shape.items], `${path8}.${ctx.shape.items}`);
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
  const resources2 = containerList(request[shape.resources], shape.resources);
  for (let r = 0; r < resources2.length; r++) {
    const resourceItems = resources2[r];
    const path8 = `${shape.resources}[${r}]`;
    if (!isObject(resourceItems)) throw new OtlpDecodeError(`${path8} must be an object`);
    const scopes2 = containerList(resourceItems[shape.scopes], `${path8}.${shape.scopes}`);
    let resource;
    try {
      resource = convertResource(resourceItems.resource, resourceItems.schemaUrl);
    } catch (error) {
      rejections.addError(countScopes(scopes2, shape, converter4), error, "resource");
      continue;
    }
    const ctx = { shape, converter: converter4, rejections, path: `${path8}.${shape.scopes}` };
    walkScopes(scopes2, resource, ctx, groups);
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
var pointCount = (m) => m.attributesJson.length;

// server/ingest/decode-worker/decode-signal.ts
function decodeSignal(signal, body, encoding) {
  if (signal === "traces") return decodeTraces(body, encoding);
  if (signal === "logs") return decodeLogs(body, encoding);
  const decoded = decodeMetrics(body, encoding);
  return { ...decoded, groups: packMetricGroups(decoded.groups) };
}

// server/ingest/decode-worker/decode-off-thread.ts
var OFF_THREAD = { traces: true, logs: true, metrics: true };
var worker = null;
var nextId = 1;
var pending = /* @__PURE__ */ new Map();
function settle(reply) {
  const p = pending.get(reply.id);
  if (!p) return;
  pending.delete(reply.id);
  if (reply.ok) p.resolve(reply.decoded);
  else p.reject(reply.invalid ? new OtlpDecodeError(reply.message) : new Error(`decode worker: ${reply.message}`));
}
function abandon(reason) {
  console.error(`[sightline] OTLP decode worker stopped (${reason}); decoding on the main thread from now on`);
  worker = null;
  for (const p of pending.values()) p.reject(new Error(`decode worker stopped: ${reason}`));
  pending.clear();
}
function startDecodeWorker(file) {
  if (worker || !import_node_fs.default.existsSync(file)) return worker !== null;
  const w = new import_node_worker_threads.Worker(file);
  w.unref();
  w.on("message", settle);
  w.on("error", (err) => {
    if (worker === w) abandon(err.message);
  });
  w.on("exit", (code) => {
    if (worker === w) abandon(`exit code ${code}`);
  });
  worker = w;
  return true;
}
function decodeOffThread(signal, body, encoding) {
  const w = OFF_THREAD[signal] ? worker : null;
  if (!w) {
    try {
      return Promise.resolve(decodeSignal(signal, body, encoding));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer ? body : new Uint8Array(body);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request = { id, signal, encoding, body: owned };
    w.postMessage(request, [owned.buffer]);
  });
}

// db/client.ts
var import_better_sqlite3 = __toESM(require("better-sqlite3"));
var import_better_sqlite32 = require("drizzle-orm/better-sqlite3");
var import_migrator = require("drizzle-orm/better-sqlite3/migrator");
var import_node_fs2 = __toESM(require("node:fs"));
var import_node_path2 = __toESM(require("node:path"));

// db/schema/index.ts
var schema_exports = {};
__export(schema_exports, {
  annotations: () => annotations,
  dashboards: () => dashboards,
  exemplars: () => exemplars2,
  logAttributeBlooms: () => logAttributeBlooms,
  logRecords: () => logRecords,
  logVolume: () => logVolume,
  metricExpHistogramPoints: () => metricExpHistogramPoints,
  metricHistogramPoints: () => metricHistogramPoints,
  metricNumberPoints: () => metricNumberPoints,
  metricSeries: () => metricSeries,
  metricSummaryPoints: () => metricSummaryPoints,
  resources: () => resources,
  scopes: () => scopes,
  spans: () => spans,
  traceSummaries: () => traceSummaries
});

// db/schema/resources.ts
var import_sqlite_core = require("drizzle-orm/sqlite-core");
var resources = (0, import_sqlite_core.sqliteTable)("resources", {
  id: (0, import_sqlite_core.integer)("id").primaryKey({ autoIncrement: true }),
  fingerprint: (0, import_sqlite_core.text)("fingerprint").notNull().unique(),
  serviceName: (0, import_sqlite_core.text)("service_name").notNull(),
  attributes: (0, import_sqlite_core.text)("attributes").notNull(),
  droppedAttributesCount: (0, import_sqlite_core.integer)("dropped_attributes_count").notNull().default(0),
  schemaUrl: (0, import_sqlite_core.text)("schema_url").notNull().default(""),
  firstSeenUnixNano: (0, import_sqlite_core.integer)("first_seen_unix_nano").notNull()
});
var scopes = (0, import_sqlite_core.sqliteTable)("scopes", {
  id: (0, import_sqlite_core.integer)("id").primaryKey({ autoIncrement: true }),
  fingerprint: (0, import_sqlite_core.text)("fingerprint").notNull().unique(),
  name: (0, import_sqlite_core.text)("name").notNull(),
  version: (0, import_sqlite_core.text)("version").notNull(),
  attributes: (0, import_sqlite_core.text)("attributes").notNull(),
  droppedAttributesCount: (0, import_sqlite_core.integer)("dropped_attributes_count").notNull().default(0),
  schemaUrl: (0, import_sqlite_core.text)("schema_url").notNull().default("")
});

// db/schema/spans.ts
var import_sqlite_core2 = require("drizzle-orm/sqlite-core");
var spans = (0, import_sqlite_core2.sqliteTable)(
  "spans",
  {
    traceId: (0, import_sqlite_core2.text)("trace_id").notNull(),
    spanId: (0, import_sqlite_core2.text)("span_id").notNull(),
    parentSpanId: (0, import_sqlite_core2.text)("parent_span_id"),
    traceState: (0, import_sqlite_core2.text)("trace_state").notNull().default(""),
    flags: (0, import_sqlite_core2.integer)("flags").notNull().default(0),
    name: (0, import_sqlite_core2.text)("name").notNull(),
    kind: (0, import_sqlite_core2.integer)("kind").notNull(),
    startTimeUnixNano: (0, import_sqlite_core2.integer)("start_time_unix_nano").notNull(),
    endTimeUnixNano: (0, import_sqlite_core2.integer)("end_time_unix_nano").notNull(),
    durationNs: (0, import_sqlite_core2.integer)("duration_ns").notNull(),
    statusCode: (0, import_sqlite_core2.integer)("status_code").notNull(),
    statusMessage: (0, import_sqlite_core2.text)("status_message").notNull().default(""),
    serviceName: (0, import_sqlite_core2.text)("service_name").notNull(),
    resourceId: (0, import_sqlite_core2.integer)("resource_id").notNull(),
    scopeId: (0, import_sqlite_core2.integer)("scope_id").notNull(),
    attributes: (0, import_sqlite_core2.text)("attributes").notNull(),
    droppedAttributesCount: (0, import_sqlite_core2.integer)("dropped_attributes_count").notNull().default(0),
    events: (0, import_sqlite_core2.text)("events").notNull(),
    droppedEventsCount: (0, import_sqlite_core2.integer)("dropped_events_count").notNull().default(0),
    links: (0, import_sqlite_core2.text)("links").notNull(),
    droppedLinksCount: (0, import_sqlite_core2.integer)("dropped_links_count").notNull().default(0)
  },
  (t) => [
    // Also the trace-by-id lookup; unique so a re-sent batch (client retry) is not stored twice.
    (0, import_sqlite_core2.uniqueIndex)("spans_trace_span_uq").on(t.traceId, t.spanId),
    (0, import_sqlite_core2.index)("spans_service_start_idx").on(t.serviceName, t.startTimeUnixNano),
    (0, import_sqlite_core2.index)("spans_start_idx").on(t.startTimeUnixNano)
  ]
);

// db/schema/logs.ts
var import_sqlite_core3 = require("drizzle-orm/sqlite-core");
var import_drizzle_orm = require("drizzle-orm");
var logRecords = (0, import_sqlite_core3.sqliteTable)(
  "log_records",
  {
    id: (0, import_sqlite_core3.integer)("id").primaryKey({ autoIncrement: true }),
    timestampUnixNano: (0, import_sqlite_core3.integer)("timestamp_unix_nano").notNull(),
    timeUnixNano: (0, import_sqlite_core3.integer)("time_unix_nano").notNull(),
    observedTimeUnixNano: (0, import_sqlite_core3.integer)("observed_time_unix_nano").notNull(),
    severityNumber: (0, import_sqlite_core3.integer)("severity_number").notNull(),
    severityText: (0, import_sqlite_core3.text)("severity_text").notNull().default(""),
    body: (0, import_sqlite_core3.text)("body").notNull(),
    bodyText: (0, import_sqlite_core3.text)("body_text").notNull(),
    attributes: (0, import_sqlite_core3.text)("attributes").notNull(),
    droppedAttributesCount: (0, import_sqlite_core3.integer)("dropped_attributes_count").notNull().default(0),
    flags: (0, import_sqlite_core3.integer)("flags").notNull().default(0),
    traceId: (0, import_sqlite_core3.text)("trace_id"),
    spanId: (0, import_sqlite_core3.text)("span_id"),
    eventName: (0, import_sqlite_core3.text)("event_name").notNull().default(""),
    serviceName: (0, import_sqlite_core3.text)("service_name").notNull(),
    resourceId: (0, import_sqlite_core3.integer)("resource_id").notNull(),
    scopeId: (0, import_sqlite_core3.integer)("scope_id").notNull()
  },
  (t) => [
    (0, import_sqlite_core3.index)("log_records_trace_idx").on(t.traceId).where(import_drizzle_orm.sql`trace_id IS NOT NULL`),
    (0, import_sqlite_core3.index)("log_records_service_ts_idx").on(t.serviceName, t.timestampUnixNano),
    (0, import_sqlite_core3.index)("log_records_ts_idx").on(t.timestampUnixNano)
  ]
);
var logVolume = (0, import_sqlite_core3.sqliteTable)(
  "log_volume",
  {
    /** floor(timestamp_unix_nano / 60e9): minutes since the epoch. */
    minute: (0, import_sqlite_core3.integer)("minute").notNull(),
    serviceName: (0, import_sqlite_core3.text)("service_name").notNull(),
    severityNumber: (0, import_sqlite_core3.integer)("severity_number").notNull(),
    count: (0, import_sqlite_core3.integer)("count").notNull()
  },
  (t) => [(0, import_sqlite_core3.primaryKey)({ columns: [t.minute, t.serviceName, t.severityNumber] })]
);
var logAttributeBlooms = (0, import_sqlite_core3.sqliteTable)("log_attribute_blooms", {
  block: (0, import_sqlite_core3.integer)("block").primaryKey(),
  /** Bounds of timestamp_unix_nano over the block's records (ns). */
  minTimestampUnixNano: (0, import_sqlite_core3.integer)("min_timestamp_unix_nano").notNull(),
  maxTimestampUnixNano: (0, import_sqlite_core3.integer)("max_timestamp_unix_nano").notNull(),
  /** Distinct terms added: how full the filter is. */
  termCount: (0, import_sqlite_core3.integer)("term_count").notNull(),
  bloom: (0, import_sqlite_core3.blob)("bloom", { mode: "buffer" }).notNull()
});

// db/schema/metrics.ts
var import_sqlite_core4 = require("drizzle-orm/sqlite-core");
var metricSeries = (0, import_sqlite_core4.sqliteTable)(
  "metric_series",
  {
    id: (0, import_sqlite_core4.integer)("id").primaryKey({ autoIncrement: true }),
    fingerprint: (0, import_sqlite_core4.text)("fingerprint").notNull().unique(),
    resourceId: (0, import_sqlite_core4.integer)("resource_id").notNull(),
    scopeId: (0, import_sqlite_core4.integer)("scope_id").notNull(),
    serviceName: (0, import_sqlite_core4.text)("service_name").notNull(),
    name: (0, import_sqlite_core4.text)("name").notNull(),
    description: (0, import_sqlite_core4.text)("description").notNull().default(""),
    unit: (0, import_sqlite_core4.text)("unit").notNull().default(""),
    kind: (0, import_sqlite_core4.text)("kind").notNull(),
    temporality: (0, import_sqlite_core4.integer)("temporality").notNull().default(0),
    isMonotonic: (0, import_sqlite_core4.integer)("is_monotonic", { mode: "boolean" }).notNull().default(false),
    attributes: (0, import_sqlite_core4.text)("attributes").notNull(),
    metadata: (0, import_sqlite_core4.text)("metadata").notNull().default("[]"),
    promName: (0, import_sqlite_core4.text)("prom_name").notNull(),
    /** Canonical JSON object of Prometheus labels (sorted keys, no __name__). */
    promLabels: (0, import_sqlite_core4.text)("prom_labels").notNull()
  },
  (t) => [(0, import_sqlite_core4.index)("metric_series_prom_name_idx").on(t.promName)]
);
var pointColumns = () => ({
  seriesId: (0, import_sqlite_core4.integer)("series_id").notNull(),
  timeUnixNano: (0, import_sqlite_core4.integer)("time_unix_nano").notNull(),
  startTimeUnixNano: (0, import_sqlite_core4.integer)("start_time_unix_nano").notNull().default(0),
  flags: (0, import_sqlite_core4.integer)("flags").notNull().default(0)
});
var metricNumberPoints = (0, import_sqlite_core4.sqliteTable)(
  "metric_number_points",
  { ...pointColumns(), value: (0, import_sqlite_core4.blob)("value") },
  (t) => [(0, import_sqlite_core4.primaryKey)({ columns: [t.seriesId, t.timeUnixNano] })]
);
var metricHistogramPoints = (0, import_sqlite_core4.sqliteTable)(
  "metric_histogram_points",
  {
    ...pointColumns(),
    count: (0, import_sqlite_core4.integer)("count").notNull(),
    sum: (0, import_sqlite_core4.real)("sum"),
    min: (0, import_sqlite_core4.real)("min"),
    max: (0, import_sqlite_core4.real)("max"),
    bucketCounts: (0, import_sqlite_core4.text)("bucket_counts").notNull(),
    explicitBounds: (0, import_sqlite_core4.text)("explicit_bounds").notNull()
  },
  (t) => [(0, import_sqlite_core4.primaryKey)({ columns: [t.seriesId, t.timeUnixNano] })]
);
var metricExpHistogramPoints = (0, import_sqlite_core4.sqliteTable)(
  "metric_exp_histogram_points",
  {
    ...pointColumns(),
    count: (0, import_sqlite_core4.integer)("count").notNull(),
    sum: (0, import_sqlite_core4.real)("sum"),
    min: (0, import_sqlite_core4.real)("min"),
    max: (0, import_sqlite_core4.real)("max"),
    scale: (0, import_sqlite_core4.integer)("scale").notNull(),
    zeroCount: (0, import_sqlite_core4.integer)("zero_count").notNull(),
    zeroThreshold: (0, import_sqlite_core4.real)("zero_threshold").notNull().default(0),
    positiveOffset: (0, import_sqlite_core4.integer)("positive_offset").notNull(),
    positiveBucketCounts: (0, import_sqlite_core4.text)("positive_bucket_counts").notNull(),
    negativeOffset: (0, import_sqlite_core4.integer)("negative_offset").notNull(),
    negativeBucketCounts: (0, import_sqlite_core4.text)("negative_bucket_counts").notNull()
  },
  (t) => [(0, import_sqlite_core4.primaryKey)({ columns: [t.seriesId, t.timeUnixNano] })]
);
var metricSummaryPoints = (0, import_sqlite_core4.sqliteTable)(
  "metric_summary_points",
  {
    ...pointColumns(),
    count: (0, import_sqlite_core4.integer)("count").notNull(),
    sum: (0, import_sqlite_core4.real)("sum"),
    /** JSON array of {quantile, value}. */
    quantileValues: (0, import_sqlite_core4.text)("quantile_values").notNull()
  },
  (t) => [(0, import_sqlite_core4.primaryKey)({ columns: [t.seriesId, t.timeUnixNano] })]
);
var exemplars2 = (0, import_sqlite_core4.sqliteTable)(
  "exemplars",
  {
    id: (0, import_sqlite_core4.integer)("id").primaryKey({ autoIncrement: true }),
    seriesId: (0, import_sqlite_core4.integer)("series_id").notNull(),
    pointTimeUnixNano: (0, import_sqlite_core4.integer)("point_time_unix_nano").notNull(),
    timeUnixNano: (0, import_sqlite_core4.integer)("time_unix_nano").notNull(),
    value: (0, import_sqlite_core4.blob)("value"),
    traceId: (0, import_sqlite_core4.text)("trace_id"),
    spanId: (0, import_sqlite_core4.text)("span_id"),
    filteredAttributes: (0, import_sqlite_core4.text)("filtered_attributes").notNull()
  },
  (t) => [(0, import_sqlite_core4.index)("exemplars_series_time_idx").on(t.seriesId, t.timeUnixNano)]
);

// db/schema/trace-summaries.ts
var import_sqlite_core5 = require("drizzle-orm/sqlite-core");
var traceSummaries = (0, import_sqlite_core5.sqliteTable)(
  "trace_summaries",
  {
    traceId: (0, import_sqlite_core5.text)("trace_id").primaryKey(),
    startTimeUnixNano: (0, import_sqlite_core5.integer)("start_time_unix_nano").notNull(),
    endTimeUnixNano: (0, import_sqlite_core5.integer)("end_time_unix_nano").notNull(),
    durationNs: (0, import_sqlite_core5.integer)("duration_ns").notNull(),
    spanCount: (0, import_sqlite_core5.integer)("span_count").notNull(),
    errorCount: (0, import_sqlite_core5.integer)("error_count").notNull(),
    rootServiceName: (0, import_sqlite_core5.text)("root_service_name"),
    rootSpanName: (0, import_sqlite_core5.text)("root_span_name"),
    services: (0, import_sqlite_core5.text)("services").notNull()
  },
  (t) => [
    (0, import_sqlite_core5.index)("trace_summaries_start_idx").on(t.startTimeUnixNano),
    (0, import_sqlite_core5.index)("trace_summaries_duration_idx").on(t.durationNs)
  ]
);

// db/schema/dashboards.ts
var import_sqlite_core6 = require("drizzle-orm/sqlite-core");
var dashboards = (0, import_sqlite_core6.sqliteTable)("dashboards", {
  id: (0, import_sqlite_core6.integer)("id").primaryKey({ autoIncrement: true }),
  uid: (0, import_sqlite_core6.text)("uid").notNull().unique(),
  title: (0, import_sqlite_core6.text)("title").notNull(),
  model: (0, import_sqlite_core6.text)("model").notNull(),
  version: (0, import_sqlite_core6.integer)("version").notNull(),
  provisioned: (0, import_sqlite_core6.integer)("provisioned").notNull().default(0),
  sourcePath: (0, import_sqlite_core6.text)("source_path"),
  createdAtMs: (0, import_sqlite_core6.integer)("created_at_ms").notNull(),
  updatedAtMs: (0, import_sqlite_core6.integer)("updated_at_ms").notNull()
});
var annotations = (0, import_sqlite_core6.sqliteTable)(
  "annotations",
  {
    id: (0, import_sqlite_core6.integer)("id").primaryKey({ autoIncrement: true }),
    timeMs: (0, import_sqlite_core6.integer)("time_ms").notNull(),
    timeEndMs: (0, import_sqlite_core6.integer)("time_end_ms"),
    text: (0, import_sqlite_core6.text)("text").notNull(),
    tags: (0, import_sqlite_core6.text)("tags").notNull(),
    serviceName: (0, import_sqlite_core6.text)("service_name").notNull().default(""),
    source: (0, import_sqlite_core6.text)("source").notNull(),
    createdAtMs: (0, import_sqlite_core6.integer)("created_at_ms").notNull()
  },
  (t) => [(0, import_sqlite_core6.index)("annotations_time_idx").on(t.timeMs)]
);

// db/client.ts
var MIGRATIONS_FOLDER = import_node_path2.default.join(process.cwd(), "db", "migrations");
function openDatabase(file) {
  if (file !== ":memory:") import_node_fs2.default.mkdirSync(import_node_path2.default.dirname(import_node_path2.default.resolve(file)), { recursive: true });
  const sqlite = new import_better_sqlite3.default(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");
  const db = (0, import_better_sqlite32.drizzle)(sqlite, { schema: schema_exports });
  (0, import_migrator.migrate)(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

// server/env.ts
var import_zod = require("zod");
var envSchema = import_zod.z.object({
  PORT: import_zod.z.coerce.number().int().min(1).max(65535).default(3e3),
  SIGHTLINE_DB: import_zod.z.string().min(1).default("./data/sightline.db"),
  SIGHTLINE_CONFIG: import_zod.z.string().min(1).default("./sightline.yaml"),
  /** Folder of provisioned dashboards (*.json, the model of lib/dashboards/model.ts); reloaded when files change. */
  SIGHTLINE_DASHBOARDS_DIR: import_zod.z.string().min(1).default("./dashboards"),
  /** Pending items (spans + log records + data points) the write queue holds before answering 503. */
  SIGHTLINE_WRITE_QUEUE_ITEMS: import_zod.z.coerce.number().int().min(1).default(2e5),
  /** How often span metrics (traces_spanmetrics_*) are written, in ms; 0 turns span metrics off. */
  SIGHTLINE_SPAN_METRICS_INTERVAL_MS: import_zod.z.coerce.number().int().min(0).default(15e3),
  /** Most span-metrics label sets (service, span name, kind, status) kept; spans of further ones are dropped. */
  SIGHTLINE_SPAN_METRICS_MAX_SERIES: import_zod.z.coerce.number().int().min(1).default(1e4),
  /**
   * The Prometheus major version whose semantics Sightline reproduces where 2.x and 3.x differ:
   * window bounds (3: left-open (t - range, t]; 2: closed) and scraped `le`/`quantile` values
   * (3 normalizes `1` to `1.0`; 2 keeps them as exposed). For teams that must agree sample for
   * sample with an older Prometheus; the differential tests use it against Debian's 2.x.
   */
  SIGHTLINE_PROMETHEUS_COMPAT: import_zod.z.enum(["3", "2"]).default("3")
});
var cached;
function serverEnv() {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Invalid environment: ${import_zod.z.prettifyError(parsed.error)}`);
    cached = parsed.data;
  }
  return cached;
}

// server/store/connection.ts
var KEY = /* @__PURE__ */ Symbol.for("sightline.db");
function getDb() {
  const holder = globalThis;
  holder[KEY] ??= openDatabase(serverEnv().SIGHTLINE_DB);
  return holder[KEY];
}
function getSqlite() {
  return getDb().$client;
}
function closeDb() {
  const holder = globalThis;
  holder[KEY]?.$client.close();
  delete holder[KEY];
}

// server/store/resource-ids.ts
var import_node_crypto = require("node:crypto");

// lib/annotations/service-version.ts
function serviceVersionOf(attributesJson) {
  if (!attributesJson.includes('"service.version"')) return null;
  try {
    const list = JSON.parse(attributesJson);
    const kv2 = Array.isArray(list) ? list.find((a) => a?.key === "service.version") : void 0;
    const v = kv2?.value?.stringValue;
    return typeof v === "string" && v !== "" ? v : null;
  } catch {
    return null;
  }
}
function isNewServiceVersion(seenVersions, next2) {
  return next2 !== null && seenVersions.length > 0 && !seenVersions.includes(next2);
}
function versionAnnotationText(serviceName, previous, next2) {
  return `${serviceName} ${next2} (was ${previous})`;
}

// server/store/annotations.ts
function insertAnnotationRow(a, sqlite = getSqlite()) {
  const info = sqlite.prepare(
    `INSERT INTO annotations (time_ms, time_end_ms, text, tags, service_name, source, created_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(a.timeMs, a.timeEndMs, a.text, JSON.stringify(a.tags), a.serviceName, a.source, a.createdAtMs);
  return Number(info.lastInsertRowid);
}

// server/store/detect-version-change.ts
var HISTORY = 200;
function prepareVersionChangeDetector(sqlite) {
  const previous = sqlite.prepare(
    "SELECT attributes FROM resources WHERE service_name = ? AND id <> ? ORDER BY id DESC LIMIT ?"
  ).pluck();
  return (resourceId, serviceName, attributesJson, nowMs) => {
    const next2 = serviceVersionOf(attributesJson);
    if (next2 === null || serviceName === "") return;
    const seen = /* @__PURE__ */ new Set();
    for (const attrs of previous.all(serviceName, resourceId, HISTORY)) {
      const v = serviceVersionOf(attrs);
      if (v !== null) seen.add(v);
    }
    if (!isNewServiceVersion([...seen], next2)) return;
    const last = [...seen][0];
    insertAnnotationRow({
      timeMs: nowMs,
      timeEndMs: null,
      text: versionAnnotationText(serviceName, last, next2),
      tags: ["deploy", "service.version"],
      serviceName,
      source: "auto",
      createdAtMs: nowMs
    }, sqlite);
  };
}

// server/store/resource-ids.ts
var ResourceScopeIds = class {
  resourceIds = /* @__PURE__ */ new Map();
  scopeIds = /* @__PURE__ */ new Map();
  insertResource;
  selectResource;
  insertScope;
  selectScope;
  onNewResource;
  constructor(sqlite) {
    this.insertResource = sqlite.prepare(
      `INSERT INTO resources (fingerprint, service_name, attributes, dropped_attributes_count, schema_url, first_seen_unix_nano)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`
    );
    this.selectResource = sqlite.prepare("SELECT id FROM resources WHERE fingerprint = ?").pluck();
    this.insertScope = sqlite.prepare(
      `INSERT INTO scopes (fingerprint, name, version, attributes, dropped_attributes_count, schema_url)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`
    );
    this.selectScope = sqlite.prepare("SELECT id FROM scopes WHERE fingerprint = ?").pluck();
    this.onNewResource = prepareVersionChangeDetector(sqlite);
  }
  resourceId(r) {
    const key = `${r.schemaUrl}\0${r.droppedAttributesCount}\0${r.attributesJson}`;
    const cached2 = this.resourceIds.get(key);
    if (cached2 !== void 0) return cached2;
    const fp = fingerprint(key);
    const nowNs = BigInt(Date.now()) * 1000000n;
    const inserted = this.insertResource.run(fp, r.serviceName, r.attributesJson, r.droppedAttributesCount, r.schemaUrl, nowNs).changes === 1;
    const id = Number(this.selectResource.get(fp));
    if (inserted) this.onNewResource(id, r.serviceName, r.attributesJson, Number(nowNs / 1000000n));
    this.resourceIds.set(key, id);
    return id;
  }
  scopeId(s) {
    const key = `${s.name}\0${s.version}\0${s.schemaUrl}\0${s.droppedAttributesCount}\0${s.attributesJson}`;
    const cached2 = this.scopeIds.get(key);
    if (cached2 !== void 0) return cached2;
    const fp = fingerprint(key);
    this.insertScope.run(fp, s.name, s.version, s.attributesJson, s.droppedAttributesCount, s.schemaUrl);
    const id = Number(this.selectScope.get(fp));
    this.scopeIds.set(key, id);
    return id;
  }
  /** Forget cached ids (after a rolled-back transaction the inserted rows are gone). */
  clear() {
    this.resourceIds.clear();
    this.scopeIds.clear();
  }
};
function fingerprint(text7) {
  return (0, import_node_crypto.hash)("sha1", text7, "hex");
}

// server/store/write-trace-summaries.ts
var STATUS_ERROR = 2;
function createTraceSummaryWriter(sqlite) {
  const upsert = sqlite.prepare(
    `INSERT INTO trace_summaries (trace_id, start_time_unix_nano, end_time_unix_nano, duration_ns, span_count,
       error_count, root_service_name, root_span_name, services)
     VALUES (@traceId, @start, @end, @end - @start, @spans, @errors, @rootService, @rootName, json_array(@service))
     ON CONFLICT (trace_id) DO UPDATE SET
       start_time_unix_nano = min(start_time_unix_nano, excluded.start_time_unix_nano),
       end_time_unix_nano = max(end_time_unix_nano, excluded.end_time_unix_nano),
       duration_ns = max(end_time_unix_nano, excluded.end_time_unix_nano) - min(start_time_unix_nano, excluded.start_time_unix_nano),
       span_count = span_count + excluded.span_count,
       error_count = error_count + excluded.error_count,
       root_service_name = coalesce(root_service_name, excluded.root_service_name),
       root_span_name = coalesce(root_span_name, excluded.root_span_name),
       services = CASE WHEN EXISTS (SELECT 1 FROM json_each(services) WHERE value = @service) THEN services
                       ELSE json_insert(services, '$[#]', @service) END`
  );
  let service = "";
  const pending2 = /* @__PURE__ */ new Map();
  return {
    add(span, serviceName) {
      service = serviceName;
      const isRoot = span.parentSpanId === null;
      const p = pending2.get(span.traceId);
      const errors = span.statusCode === STATUS_ERROR ? 1 : 0;
      if (!p) {
        pending2.set(span.traceId, {
          start: span.startTimeUnixNano,
          end: span.endTimeUnixNano,
          spans: 1,
          errors,
          rootService: isRoot ? serviceName : null,
          rootName: isRoot ? span.name : null
        });
        return;
      }
      if (span.startTimeUnixNano < p.start) p.start = span.startTimeUnixNano;
      if (span.endTimeUnixNano > p.end) p.end = span.endTimeUnixNano;
      p.spans += 1;
      p.errors += errors;
      if (isRoot && p.rootName === null) {
        p.rootService = serviceName;
        p.rootName = span.name;
      }
    },
    flush() {
      for (const [traceId, p] of pending2) upsert.run({ traceId, service, ...p });
      pending2.clear();
    }
  };
}

// server/store/write-spans.ts
function prepareSpanWriter(sqlite, ids) {
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO spans (trace_id, span_id, parent_span_id, trace_state, flags, name, kind,
       start_time_unix_nano, end_time_unix_nano, duration_ns, status_code, status_message, service_name,
       resource_id, scope_id, attributes, dropped_attributes_count, events, dropped_events_count, links,
       dropped_links_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const summaries = createTraceSummaryWriter(sqlite);
  return (groups) => {
    for (const group of groups) {
      const resourceId = ids.resourceId(group.resource);
      const scopeId = ids.scopeId(group.scope);
      const service = group.resource.serviceName;
      for (const s of group.rows) {
        const { changes } = insert.run(
          s.traceId,
          s.spanId,
          s.parentSpanId,
          s.traceState,
          s.flags,
          s.name,
          s.kind,
          s.startTimeUnixNano,
          s.endTimeUnixNano,
          s.endTimeUnixNano - s.startTimeUnixNano,
          s.statusCode,
          s.statusMessage,
          service,
          resourceId,
          scopeId,
          s.attributesJson,
          s.droppedAttributesCount,
          s.eventsJson,
          s.droppedEventsCount,
          s.linksJson,
          s.droppedLinksCount
        );
        if (changes === 1) summaries.add(s, service);
      }
      summaries.flush();
    }
  };
}

// server/store/log-attribute-blocks/bloom.ts
var BLOOM_PROBES = 7;
var MIN_BITS = 1 << 10;
var MAX_BITS = 1 << 20;
var BITS_PER_TERM = 10;
function fmix32(x) {
  x = Math.imul(x ^ x >>> 16, 2246822507);
  x = Math.imul(x ^ x >>> 13, 3266489909);
  return (x ^ x >>> 16) >>> 0;
}
function probes(hash2, salt, bits, visit) {
  const mixedSalt = Math.imul(salt, 2654435761);
  const base = fmix32(hash2 % 4294967296 ^ mixedSalt);
  const step = fmix32(Math.floor(hash2 / 4294967296) ^ mixedSalt ^ 1540483477) | 1;
  for (let i = 0; i < BLOOM_PROBES; i++) {
    if (!visit(base + Math.imul(i, step) & bits - 1)) return false;
  }
  return true;
}
function buildBloom(hashes, distinctCount, salt) {
  let bits = MIN_BITS;
  while (bits < distinctCount * BITS_PER_TERM && bits < MAX_BITS) bits *= 2;
  const bytes = new Uint8Array(bits / 8);
  const set = (p) => {
    bytes[p >>> 3] |= 1 << (p & 7);
    return true;
  };
  for (const h of hashes) probes(h, salt, bits, set);
  return bytes;
}

// server/store/log-attribute-blocks/block-size.ts
var BLOCK_SIZE = 512;
var blockOf = (id) => Math.floor(id / BLOCK_SIZE);
var blockIds = (block) => [block * BLOCK_SIZE, block * BLOCK_SIZE + BLOCK_SIZE - 1];

// server/store/log-attribute-blocks/terms.ts
var ENTRY = /"key":"((?:[^"\\]|\\.)*)","value":\{(?:"(?:stringValue|intValue)":"((?:[^"\\]|\\.)*)"|"boolValue":(true|false)|"doubleValue":(-?\d+)[,}])?/g;
var unescape = (contents) => contents.includes("\\") ? JSON.parse(`"${contents}"`) : contents;
function forEachAttributeEntry(attributesJson, emit) {
  if (attributesJson.length <= 2) return;
  ENTRY.lastIndex = 0;
  for (let m = ENTRY.exec(attributesJson); m !== null; m = ENTRY.exec(attributesJson)) {
    const value = m[2] !== void 0 ? unescape(m[2]) : m[3] ?? m[4] ?? null;
    emit(unescape(m[1]), value);
  }
}
function termHash(key, value = null) {
  let h1 = 3735928559;
  let h2 = 1103547991;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  const marker = value === null ? 65536 : 65537;
  h1 = Math.imul(h1 ^ marker, 2654435761);
  h2 = Math.imul(h2 ^ marker, 1597334677);
  if (value !== null) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507);
  h1 ^= Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507);
  h2 ^= Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// server/store/log-attribute-blocks/block-indexer.ts
var AttributeBlockIndexer = class {
  block = -1;
  /** Records of the block seen so far (stored before this indexer started, or added). */
  records = 0;
  hashes = /* @__PURE__ */ new Set();
  minTs = 0n;
  maxTs = 0n;
  storedInBlock;
  save;
  constructor(sqlite) {
    this.storedInBlock = sqlite.prepare("SELECT attributes, timestamp_unix_nano AS ts FROM log_records WHERE id BETWEEN ? AND ?").safeIntegers(true);
    this.save = sqlite.prepare(`INSERT OR REPLACE INTO log_attribute_blooms (block, min_timestamp_unix_nano, max_timestamp_unix_nano, term_count, bloom)
      VALUES (?, ?, ?, ?, ?)`);
  }
  /** Records a just-inserted record (its id, timestamp_unix_nano and attributes JSON). */
  add(id, timestampUnixNano, attributesJson) {
    const block = blockOf(id);
    if (block !== this.block) this.moveTo(block, id);
    this.addRecord(timestampUnixNano, attributesJson);
  }
  moveTo(block, firstNewId) {
    if (this.block >= 0 && block > this.block && this.records > 0) {
      this.save.run(this.block, this.minTs, this.maxTs, this.hashes.size, buildBloom(this.hashes, this.hashes.size, this.block));
    }
    this.block = block;
    this.records = 0;
    this.hashes = /* @__PURE__ */ new Set();
    this.minTs = 0n;
    this.maxTs = 0n;
    const [first] = blockIds(block);
    if (firstNewId > first) {
      for (const r of this.storedInBlock.iterate(first, firstNewId - 1)) {
        this.addRecord(r.ts, r.attributes);
      }
    }
  }
  addRecord(ts, attributesJson) {
    if (this.records === 0 || ts < this.minTs) this.minTs = ts;
    if (this.records === 0 || ts > this.maxTs) this.maxTs = ts;
    this.records++;
    forEachAttributeEntry(attributesJson, this.addEntry);
  }
  /** Adds an entry's key term and, when it has one, its value term. */
  addEntry = (key, value) => {
    this.hashes.add(termHash(key));
    if (value !== null) this.hashes.add(termHash(key, value));
  };
};

// server/store/write-logs.ts
var MINUTE_NS = 60000000000n;
function prepareLogWriter(sqlite, ids) {
  const insert = sqlite.prepare(
    `INSERT INTO log_records (timestamp_unix_nano, time_unix_nano, observed_time_unix_nano, severity_number,
       severity_text, body, body_text, attributes, dropped_attributes_count, flags, trace_id, span_id,
       event_name, service_name, resource_id, scope_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const countVolume = sqlite.prepare(
    `INSERT INTO log_volume (minute, service_name, severity_number, count) VALUES (?, ?, ?, ?)
     ON CONFLICT (minute, service_name, severity_number) DO UPDATE SET count = count + excluded.count`
  );
  const blocks = new AttributeBlockIndexer(sqlite);
  return (groups) => {
    const volume = /* @__PURE__ */ new Map();
    for (const group of groups) {
      const resourceId = ids.resourceId(group.resource);
      const scopeId = ids.scopeId(group.scope);
      const service = group.resource.serviceName;
      for (const l of group.rows) {
        const ts = l.timeUnixNano !== 0n ? l.timeUnixNano : l.observedTimeUnixNano;
        const { lastInsertRowid } = insert.run(
          ts,
          l.timeUnixNano,
          l.observedTimeUnixNano,
          l.severityNumber,
          l.severityText,
          l.bodyJson,
          l.bodyText,
          l.attributesJson,
          l.droppedAttributesCount,
          l.flags,
          l.traceId,
          l.spanId,
          l.eventName,
          service,
          resourceId,
          scopeId
        );
        blocks.add(Number(lastInsertRowid), ts, l.attributesJson);
        const minute = ts / MINUTE_NS;
        const key = `${minute}\0${service}\0${l.severityNumber}`;
        const entry = volume.get(key);
        if (entry) entry.count++;
        else volume.set(key, { minute, service, severity: l.severityNumber, count: 1 });
      }
    }
    for (const v of volume.values()) countVolume.run(v.minute, v.service, v.severity, v.count);
  };
}

// lib/otel-prometheus-naming.ts
var UNIT_WORDS = {
  d: "days",
  h: "hours",
  min: "minutes",
  s: "seconds",
  ms: "milliseconds",
  us: "microseconds",
  ns: "nanoseconds",
  By: "bytes",
  KiBy: "kibibytes",
  MiBy: "mebibytes",
  GiBy: "gibibytes",
  TiBy: "tibibytes",
  KBy: "kilobytes",
  MBy: "megabytes",
  GBy: "gigabytes",
  TBy: "terabytes",
  m: "meters",
  V: "volts",
  A: "amperes",
  J: "joules",
  W: "watts",
  g: "grams",
  Cel: "celsius",
  Hz: "hertz",
  "%": "percent"
};
var PER_UNIT_WORDS = {
  s: "second",
  m: "minute",
  h: "hour",
  d: "day",
  w: "week",
  mo: "month",
  y: "year"
};
function sanitizeMetricName(name) {
  let out = name.replace(/[^a-zA-Z0-9_:]/g, "_").replace(/__+/g, "_");
  if (/^[0-9]/.test(out)) out = `_${out}`;
  return out;
}
function sanitizeLabelName(key) {
  let out = key.replace(/[^a-zA-Z0-9_]/g, "_");
  if (/^[0-9]/.test(out)) out = `key_${out}`;
  else if (out.startsWith("_") && !out.startsWith("__")) out = `key${out}`;
  return out;
}
function unitSuffix(unit, kind) {
  const bare = unit.replace(/\{[^}]*\}/g, "").trim();
  if (bare === "") return "";
  if (bare === "1") return kind === "gauge" ? "ratio" : "";
  const [main2, per] = bare.split("/", 2);
  const mainWord = main2 ? UNIT_WORDS[main2] ?? main2 : "";
  const perWord = per ? PER_UNIT_WORDS[per] ?? UNIT_WORDS[per] ?? per : "";
  const words = [mainWord, perWord ? `per_${perWord}` : ""].filter(Boolean).join("_");
  return sanitizeMetricName(words).replace(/^_+|_+$/g, "");
}
function prometheusMetricName(m) {
  let name = sanitizeMetricName(m.name);
  const suffix = unitSuffix(m.unit, m.kind === "gauge" ? "gauge" : "other");
  if (suffix && !name.split("_").includes(suffix) && !name.endsWith(`_${suffix}`)) name = `${name}_${suffix}`;
  const isCounter = m.kind === "sum" && m.isMonotonic;
  if (isCounter) name = name.replace(/_total$/, "") + "_total";
  return name;
}
function prometheusLabels(pointAttributes, resource) {
  const labels = {};
  for (const key of Object.keys(pointAttributes).sort()) {
    const label = sanitizeLabelName(key);
    labels[label] = label in labels ? `${labels[label]};${pointAttributes[key]}` : pointAttributes[key];
  }
  labels.job = resource.serviceNamespace ? `${resource.serviceNamespace}/${resource.serviceName}` : resource.serviceName;
  if (resource.serviceInstanceId) labels.instance = resource.serviceInstanceId;
  return labels;
}
function canonicalLabels(labels) {
  const sorted = {};
  for (const key of Object.keys(labels).sort()) sorted[key] = labels[key];
  return JSON.stringify(sorted);
}

// server/store/prom-sample-cache.ts
var SETTLE_MS = 5 * 6e4;
function lowerBound(a, x) {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function sliceColumns(c, fromMs, toMs) {
  const a = lowerBound(c.ts, fromMs);
  const b = lowerBound(c.ts, toMs + 1);
  const sa = lowerBound(c.stale, fromMs);
  const sb = lowerBound(c.stale, toMs + 1);
  return { ts: c.ts.slice(a, b), vs: c.vs.slice(a, b), stale: c.stale.slice(sa, sb) };
}
function concatColumns(a, b) {
  if (b.ts.length === 0 && b.stale.length === 0) return a;
  return { ts: a.ts.concat(b.ts), vs: a.vs.concat(b.vs), stale: a.stale.concat(b.stale) };
}
var size = (c) => c.ts.length + c.stale.length;
var PromSampleCache = class {
  constructor(maxSamples) {
    this.maxSamples = maxSamples;
  }
  maxSamples;
  /** Map order is recency: the first entry is the least recently used. */
  entries = /* @__PURE__ */ new Map();
  held = 0;
  /**
   * The samples of series `id` with milliseconds in [loMs, hiMs], from the cache where settled and
   * through `load(fromMs, toMs)` (a fresh read of that range from SQLite) for the rest.
   */
  read(id, loMs, hiMs, nowMs, load) {
    const settledTo = Math.min(hiMs, nowMs - SETTLE_MS);
    if (this.maxSamples <= 0 || settledTo < loMs) return load(loMs, hiMs);
    let entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      if (entry.fromMs > loMs || entry.toMs < loMs - 1) {
        this.held -= size(entry);
        entry = void 0;
      }
    }
    if (!entry) {
      entry = { ...load(loMs, settledTo), fromMs: loMs, toMs: settledTo };
      this.held += size(entry);
    } else if (entry.toMs < settledTo) {
      const more = load(entry.toMs + 1, settledTo);
      entry = { ...concatColumns(entry, more), fromMs: entry.fromMs, toMs: settledTo };
      this.held += size(more);
    }
    this.entries.set(id, entry);
    const settled = entry.fromMs === loMs && entry.toMs === settledTo ? entry : sliceColumns(entry, loMs, settledTo);
    const result = settledTo < hiMs ? concatColumns(settled, load(settledTo + 1, hiMs)) : settled;
    this.evict();
    return result === entry ? { ts: entry.ts.slice(), vs: entry.vs.slice(), stale: entry.stale.slice() } : result;
  }
  /** A point of series `id` at `timeUnixNano` was written: drop the entry if the point falls in it. */
  noteWrite(id, timeUnixNano) {
    if (this.entries.size === 0) return;
    const entry = this.entries.get(id);
    if (entry && Number(timeUnixNano / 1000000n) <= entry.toMs) {
      this.entries.delete(id);
      this.held -= size(entry);
    }
  }
  clear() {
    this.entries.clear();
    this.held = 0;
  }
  /** Samples held (for tests and diagnostics). */
  get heldSamples() {
    return this.held;
  }
  evict() {
    for (const [id, entry] of this.entries) {
      if (this.held <= this.maxSamples) return;
      this.entries.delete(id);
      this.held -= size(entry);
    }
  }
};
var KEY2 = /* @__PURE__ */ Symbol.for("sightline.promSampleCache");
var DEFAULT_MAX_SAMPLES = 4e6;
function promSampleCacheFor(db, maxSamples = DEFAULT_MAX_SAMPLES) {
  const holder = globalThis;
  const caches = holder[KEY2] ??= /* @__PURE__ */ new WeakMap();
  let cache = caches.get(db);
  if (!cache) caches.set(db, cache = new PromSampleCache(maxSamples));
  return cache;
}

// server/store/write-metrics.ts
var NUMBER_ROWS_PER_INSERT = 64;
var NUMBER_COLUMNS = 5;
var countsJson = (counts) => JSON.stringify(counts.map(Number));
function prepareMetricWriter(sqlite, ids) {
  const seriesIds = /* @__PURE__ */ new Map();
  const insertSeries = sqlite.prepare(
    `INSERT INTO metric_series (fingerprint, resource_id, scope_id, service_name, name, description, unit, kind,
       temporality, is_monotonic, attributes, metadata, prom_name, prom_labels)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`
  );
  const selectSeries = sqlite.prepare("SELECT id FROM metric_series WHERE fingerprint = ?").pluck();
  const { insertPoint, insertNumbers } = preparePointInserts(sqlite);
  function metricSeries2(key, resource, resourceId, scopeId) {
    const identity = `${resourceId}\0${scopeId}\0${key.name}\0${key.unit}\0${key.kind}\0${key.temporality}\0${key.isMonotonic}`;
    let series = seriesIds.get(identity);
    if (!series) {
      const resourceAttrs = attributesJsonToTextMap(resource.attributesJson);
      series = {
        idByAttributes: /* @__PURE__ */ new Map(),
        identity,
        promName: prometheusMetricName(key),
        resource: { serviceName: resource.serviceName, serviceNamespace: resourceAttrs["service.namespace"], serviceInstanceId: resourceAttrs["service.instance.id"] }
      };
      seriesIds.set(identity, series);
    }
    return series;
  }
  function createSeries(key, attributesJson, metric, resourceId, scopeId) {
    const fp = fingerprint(`${metric.identity}\0${attributesJson}`);
    const promLabels = prometheusLabels(attributesJsonToTextMap(attributesJson), metric.resource);
    const inserted = insertSeries.run(
      fp,
      resourceId,
      scopeId,
      metric.resource.serviceName,
      key.name,
      key.description,
      key.unit,
      key.kind,
      key.temporality,
      key.isMonotonic ? 1 : 0,
      attributesJson,
      key.metadataJson,
      metric.promName,
      canonicalLabels(promLabels)
    );
    return inserted.changes === 1 ? Number(inserted.lastInsertRowid) : Number(selectSeries.get(fp));
  }
  const writeColumns = (groups) => {
    for (const group of groups) {
      const resourceId = ids.resourceId(group.resource);
      const scopeId = ids.scopeId(group.scope);
      for (const columns of group.rows) {
        const metric = metricSeries2(columns.metric, group.resource, resourceId, scopeId);
        const seriesId = (i) => {
          const attributesJson = columns.attributesJson[i];
          let id = metric.idByAttributes.get(attributesJson);
          if (id === void 0) {
            id = createSeries(columns.metric, attributesJson, metric, resourceId, scopeId);
            metric.idByAttributes.set(attributesJson, id);
          }
          return id;
        };
        const points = columns.points;
        const n = pointCount(columns);
        if (Array.isArray(points)) {
          for (let i = 0; i < n; i++) insertPoint(seriesId(i), points[i]);
        } else {
          const ids2 = new Array(n);
          for (let i = 0; i < n; i++) ids2[i] = seriesId(i);
          insertNumbers(ids2, points);
        }
      }
    }
  };
  const write = (groups) => writeColumns(packMetricGroups(groups));
  return { write, writeColumns, clearCache: () => seriesIds.clear() };
}
function preparePointInserts(sqlite) {
  const sampleCache = promSampleCacheFor(sqlite);
  const cols = "series_id, time_unix_nano, start_time_unix_nano, flags";
  const number = sqlite.prepare(`INSERT OR REPLACE INTO metric_number_points (${cols}, value) VALUES (?, ?, ?, ?, ?)`);
  const histogram = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_histogram_points (${cols}, count, sum, min, max, bucket_counts, explicit_bounds)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const expHistogram = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_exp_histogram_points (${cols}, count, sum, min, max, scale, zero_count,
       zero_threshold, positive_offset, positive_bucket_counts, negative_offset, negative_bucket_counts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const summary = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_summary_points (${cols}, count, sum, quantile_values) VALUES (?, ?, ?, ?, ?, ?, ?)`
  );
  const exemplar = sqlite.prepare(
    `INSERT INTO exemplars (series_id, point_time_unix_nano, time_unix_nano, value, trace_id, span_id, filtered_attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  );
  const numberValues = `(${Array(NUMBER_COLUMNS).fill("?").join(", ")})`;
  const numberMany = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_number_points (${cols}, value) VALUES ${Array(NUMBER_ROWS_PER_INSERT).fill(numberValues).join(", ")}`
  );
  const manyParams = new Array(NUMBER_ROWS_PER_INSERT * NUMBER_COLUMNS);
  const insertNumbers = (seriesIds, c) => {
    const n = seriesIds.length;
    let i = 0;
    for (; i + NUMBER_ROWS_PER_INSERT <= n; i += NUMBER_ROWS_PER_INSERT) {
      for (let j = 0, o = 0; j < NUMBER_ROWS_PER_INSERT; j++, o += NUMBER_COLUMNS) {
        const k = i + j;
        manyParams[o] = seriesIds[k];
        manyParams[o + 1] = c.timeUnixNano[k];
        manyParams[o + 2] = c.startTimeUnixNano[k];
        manyParams[o + 3] = c.flags[k];
        manyParams[o + 4] = c.isInt[k] === 1 ? c.ints[k] : c.doubles[k];
      }
      numberMany.run(manyParams);
    }
    for (; i < n; i++) number.run(seriesIds[i], c.timeUnixNano[i], c.startTimeUnixNano[i], c.flags[i], c.isInt[i] === 1 ? c.ints[i] : c.doubles[i]);
    for (let k = 0; k < n; k++) sampleCache.noteWrite(seriesIds[k], c.timeUnixNano[k]);
  };
  const insertPoint = (seriesId, p) => {
    const head = [seriesId, p.timeUnixNano, p.startTimeUnixNano, p.flags];
    switch (p.kind) {
      case "number":
        number.run(seriesId, p.timeUnixNano, p.startTimeUnixNano, p.flags, p.value);
        sampleCache.noteWrite(seriesId, p.timeUnixNano);
        break;
      case "histogram":
        histogram.run(...head, p.count, p.sum, p.min, p.max, countsJson(p.bucketCounts), JSON.stringify(p.explicitBounds));
        break;
      case "exponentialHistogram":
        expHistogram.run(
          ...head,
          p.count,
          p.sum,
          p.min,
          p.max,
          p.scale,
          p.zeroCount,
          p.zeroThreshold,
          p.positiveOffset,
          countsJson(p.positiveBucketCounts),
          p.negativeOffset,
          countsJson(p.negativeBucketCounts)
        );
        break;
      case "summary":
        summary.run(...head, p.count, p.sum, JSON.stringify(p.quantileValues));
        break;
    }
    for (const e of p.exemplars) {
      exemplar.run(seriesId, p.timeUnixNano, e.timeUnixNano, e.value, e.traceId, e.spanId, e.filteredAttributesJson);
    }
  };
  return { insertPoint, insertNumbers };
}

// server/store/write-prom-samples.ts
var NO_RECORDED_VALUE = 1;
var SCRAPE_SCOPE = { name: "sightline.scrape", version: "", attributesJson: "[]", droppedAttributesCount: 0, schemaUrl: "" };
function promLabelsJson(labels) {
  const keys = Object.keys(labels).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) out += `${i ? "," : ""}${JSON.stringify(keys[i])}:${JSON.stringify(labels[keys[i]])}`;
  return `${out}}`;
}
function promSeriesFingerprint(name, labelsJson) {
  return `prom:${fingerprint(`${name}\0${labelsJson}`)}`;
}
var kv = (key, value) => ({ key, value: { stringValue: value } });
function scrapeResource(job, instance) {
  return {
    serviceName: job,
    attributesJson: JSON.stringify([kv("service.name", job), kv("service.instance.id", instance)]),
    droppedAttributesCount: 0,
    schemaUrl: ""
  };
}
function preparePromSampleWriter(sqlite, ids) {
  const sampleCache = promSampleCacheFor(sqlite);
  const seriesIds = /* @__PURE__ */ new Map();
  const insertSeries = sqlite.prepare(
    `INSERT INTO metric_series (fingerprint, resource_id, scope_id, service_name, name, description, unit, kind,
       temporality, is_monotonic, attributes, metadata, prom_name, prom_labels)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`
  );
  const selectSeries = sqlite.prepare("SELECT id FROM metric_series WHERE fingerprint = ?").pluck();
  const insertPoint = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_number_points (series_id, time_unix_nano, start_time_unix_nano, flags, value)
     VALUES (?, ?, 0, ?, ?)`
  );
  const insertExemplar = sqlite.prepare(
    `INSERT INTO exemplars (series_id, point_time_unix_nano, time_unix_nano, value, trace_id, span_id, filtered_attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  );
  function seriesId(series, job, resourceId, scopeId) {
    const labelsJson = promLabelsJson(series.labels);
    const cacheKey = `${series.name}\0${labelsJson}`;
    const cached2 = seriesIds.get(cacheKey);
    if (cached2 !== void 0) return cached2;
    const fp = promSeriesFingerprint(series.name, labelsJson);
    const attributes = Object.keys(series.labels).sort().filter((k) => k !== "job" && k !== "instance").map((k) => kv(k, series.labels[k]));
    insertSeries.run(
      fp,
      resourceId,
      scopeId,
      job,
      series.name,
      series.help,
      series.unit,
      series.kind,
      series.kind === "sum" ? 2 : 0,
      series.isMonotonic ? 1 : 0,
      JSON.stringify(attributes),
      JSON.stringify([kv("prometheus.type", series.promType)]),
      series.name,
      labelsJson
    );
    const id = Number(selectSeries.get(fp));
    seriesIds.set(cacheKey, id);
    return id;
  }
  const write = (groups) => {
    for (const group of groups) {
      const resourceId = ids.resourceId(scrapeResource(group.job, group.instance));
      const scopeId = ids.scopeId(SCRAPE_SCOPE);
      for (const s of group.samples) {
        const id = seriesId(s.series, group.job, resourceId, scopeId);
        const value = s.stale || Number.isNaN(s.value) ? null : s.value;
        insertPoint.run(id, s.timeUnixNano, s.stale ? NO_RECORDED_VALUE : 0, value);
        sampleCache.noteWrite(id, s.timeUnixNano);
        const e = s.exemplar;
        if (e && !s.stale) {
          insertExemplar.run(
            id,
            s.timeUnixNano,
            e.timeUnixNano,
            typeof e.value === "number" && Number.isNaN(e.value) ? null : e.value,
            e.traceId,
            e.spanId,
            e.filteredAttributesJson
          );
        }
      }
    }
  };
  return Object.assign(write, { clearCache: () => seriesIds.clear() });
}

// server/store/row-writer.ts
function createRowWriter(sqlite) {
  const ids = new ResourceScopeIds(sqlite);
  const writeSpans = prepareSpanWriter(sqlite, ids);
  const writeLogs = prepareLogWriter(sqlite, ids);
  const writeMetrics = prepareMetricWriter(sqlite, ids);
  const writePromSamples = preparePromSampleWriter(sqlite, ids);
  const commitAll = sqlite.transaction((batches) => {
    for (const b of batches) {
      if (b.spans) writeSpans(b.spans);
      if (b.logs) writeLogs(b.logs);
      if (b.metrics) writeMetrics.write(b.metrics);
      if (b.metricColumns) writeMetrics.writeColumns(b.metricColumns);
      if (b.promSamples) writePromSamples(b.promSamples);
    }
  });
  return (batches) => {
    try {
      commitAll(batches);
    } catch (err) {
      ids.clear();
      writeMetrics.clearCache();
      writePromSamples.clearCache();
      throw err;
    }
  };
}
function countItems2(batch) {
  let n = 0;
  for (const g of batch.spans ?? []) n += g.rows.length;
  for (const g of batch.logs ?? []) n += g.rows.length;
  for (const g of batch.metrics ?? []) n += g.rows.length;
  for (const g of batch.metricColumns ?? []) for (const m of g.rows) n += pointCount(m);
  for (const g of batch.promSamples ?? []) n += g.samples.length;
  return n;
}

// server/store/group-commit-queue.ts
var WriteQueueFullError = class extends Error {
  constructor(retryAfterSeconds) {
    super("write queue is full; retry later");
    this.retryAfterSeconds = retryAfterSeconds;
  }
  retryAfterSeconds;
};
var GroupCommitQueue = class {
  constructor(commit, maxItems, maxItemsPerCommit = 5e4) {
    this.commit = commit;
    this.maxItems = maxItems;
    this.maxItemsPerCommit = maxItemsPerCommit;
  }
  commit;
  maxItems;
  maxItemsPerCommit;
  pending = [];
  pendingItems = 0;
  scheduled = false;
  holds = 0;
  enqueue(batch) {
    const items = countItems2(batch);
    if (items === 0) return Promise.resolve();
    if (this.pendingItems > 0 && this.pendingItems + items > this.maxItems) {
      return Promise.reject(new WriteQueueFullError(1));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ batch, items, resolve, reject });
      this.pendingItems += items;
      this.schedule();
    });
  }
  /** Commits wait until `until` settles (the WAL checkpointer's final copy); enqueue() still accepts batches. */
  hold(until) {
    this.holds++;
    const done = () => {
      this.holds--;
      if (this.pending.length > 0) this.schedule();
    };
    until.then(done, done);
  }
  get queuedItems() {
    return this.pendingItems;
  }
  /** Commits everything pending now, synchronously (shutdown path). */
  flushSync() {
    while (this.pending.length > 0) this.commitChunk();
  }
  schedule() {
    if (this.scheduled || this.holds > 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.holds > 0) return;
      this.commitChunk();
      if (this.pending.length > 0) this.schedule();
    });
  }
  commitChunk() {
    const chunk = [];
    let items = 0;
    while (this.pending.length > 0 && (chunk.length === 0 || items + this.pending[0].items <= this.maxItemsPerCommit)) {
      const next2 = this.pending.shift();
      chunk.push(next2);
      items += next2.items;
    }
    this.pendingItems -= items;
    try {
      this.commit(chunk.map((p) => p.batch));
      for (const p of chunk) p.resolve();
    } catch {
      for (const p of chunk) {
        try {
          this.commit([p.batch]);
          p.resolve();
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }
};

// server/store/wal-checkpointer.ts
var import_node_module2 = require("node:module");
var import_node_path3 = __toESM(require("node:path"));
var import_node_worker_threads2 = require("node:worker_threads");

// server/store/checkpoint-worker-source.ts
var CHECKPOINT_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file, { fileMustExist: true });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ busy: result.busy, log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;

// server/store/wal-checkpointer.ts
var MIN_GAP_MS = 100;
var RESTART_FRAMES = 8192;
var SAFETY_FRAMES = 4 * RESTART_FRAMES;
var SQLITE_DEFAULT_FRAMES = 1e3;
var MAX_HOLD_MS = 1e3;
function startWalCheckpointer(sqlite, gate) {
  if (typeof sqlite.name !== "string" || sqlite.memory || sqlite.pragma("journal_mode", { simple: true }) !== "wal") return null;
  const betterSqlite3 = (0, import_node_module2.createRequire)(import_node_path3.default.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  const worker2 = new import_node_worker_threads2.Worker(CHECKPOINT_WORKER_SOURCE, { eval: true, workerData: { file: sqlite.name, betterSqlite3 } });
  worker2.unref();
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_FRAMES}`);
  let state2 = "idle";
  let lastEnd = 0;
  let release = null;
  const releaseHold = () => {
    release?.();
    release = null;
  };
  const fallBack = (reason) => {
    if (state2 === "stopped") return;
    state2 = "stopped";
    releaseHold();
    if (reason !== null) console.error(`[sightline] WAL checkpoint worker failed (${reason}); using SQLite's automatic checkpoints`);
    try {
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_FRAMES}`);
    } catch {
    }
  };
  const checkpoint = (next2) => {
    state2 = next2;
    worker2.postMessage("checkpoint");
  };
  worker2.on("message", (r) => {
    if (state2 === "stopped") return;
    if (r.error !== void 0) return fallBack(r.error);
    if (state2 === "bulk" && (r.log ?? 0) >= RESTART_FRAMES) {
      const held = new Promise((resolve) => release = resolve);
      const timer = setTimeout(releaseHold, MAX_HOLD_MS);
      void held.then(() => clearTimeout(timer));
      gate.hold(held);
      return checkpoint("final");
    }
    releaseHold();
    state2 = "idle";
    lastEnd = performance.now();
  });
  worker2.on("error", (err) => fallBack(err.message));
  worker2.on("exit", (code) => fallBack(`exit ${code}`));
  return {
    noteCommit() {
      if (state2 === "idle" && performance.now() - lastEnd >= MIN_GAP_MS) checkpoint("bulk");
    },
    stop() {
      if (state2 === "stopped") return;
      worker2.postMessage("close");
      fallBack(null);
    }
  };
}

// server/store/ingest-writer.ts
var KEY3 = /* @__PURE__ */ Symbol.for("sightline.writeQueue");
var LISTENERS = /* @__PURE__ */ Symbol.for("sightline.spansCommittedListeners");
var CHECKPOINTER = /* @__PURE__ */ Symbol.for("sightline.walCheckpointer");
function queue() {
  const holder = globalThis;
  if (!holder[KEY3]) {
    const sqlite = getSqlite();
    const write = notifyingCommit(createRowWriter(sqlite));
    const q = new GroupCommitQueue((batches) => {
      write(batches);
      holder[CHECKPOINTER]?.noteCommit();
    }, serverEnv().SIGHTLINE_WRITE_QUEUE_ITEMS);
    holder[CHECKPOINTER] = startWalCheckpointer(sqlite, q);
    holder[KEY3] = q;
  }
  return holder[KEY3];
}
function notifyingCommit(write) {
  return (batches) => {
    write(batches);
    const listeners = globalThis[LISTENERS];
    if (!listeners || listeners.size === 0) return;
    for (const batch of batches) {
      if (!batch.spans || batch.spans.length === 0) continue;
      for (const listener of listeners) {
        try {
          listener(batch.spans);
        } catch (err) {
          console.error("[sightline] spans-committed listener failed", err);
        }
      }
    }
  };
}
function onSpansCommitted(listener) {
  const holder = globalThis;
  const listeners = holder[LISTENERS] ??= /* @__PURE__ */ new Set();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
function storeBatch(batch) {
  return queue().enqueue(batch);
}
function flushAndClose() {
  const holder = globalThis;
  holder[KEY3]?.flushSync();
  holder[CHECKPOINTER]?.stop();
  delete holder[CHECKPOINTER];
  delete holder[KEY3];
  closeDb();
}

// server/ingest/otlp/respond.ts
var RESPONSES = {
  traces: { codec: codecs.traceResponse, rejectedField: "rejectedSpans" },
  logs: { codec: codecs.logsResponse, rejectedField: "rejectedLogRecords" },
  metrics: { codec: codecs.metricsResponse, rejectedField: "rejectedDataPoints" }
};
var utf82 = new TextEncoder();
function encodeExportResponse(signal, encoding, partial) {
  const { codec, rejectedField } = RESPONSES[signal];
  const hasPartial = partial !== void 0 && (partial.rejected > 0 || partial.errorMessage !== "");
  if (encoding === "json") {
    const body = hasPartial ? { partialSuccess: { [rejectedField]: String(partial.rejected), errorMessage: partial.errorMessage } } : {};
    return utf82.encode(JSON.stringify(body));
  }
  const message = hasPartial ? { partialSuccess: { [rejectedField]: partial.rejected, errorMessage: partial.errorMessage } } : {};
  return codec.encode(codec.fromObject(message)).finish();
}
function buildStatusType() {
  const { Root, Type, Field } = protobufReflection;
  const root2 = new Root();
  const any = new Type("Any").add(new Field("typeUrl", 1, "string")).add(new Field("value", 2, "bytes"));
  root2.define("google.protobuf").add(any);
  const status = new Type("Status").add(new Field("code", 1, "int32")).add(new Field("message", 2, "string")).add(new Field("details", 3, "google.protobuf.Any", "repeated"));
  root2.define("google.rpc").add(status);
  return status;
}
var statusType;
function encodeStatus(encoding, code, message) {
  if (encoding === "json") return utf82.encode(JSON.stringify({ code, message, details: [] }));
  statusType ??= buildStatusType();
  return statusType.encode({ code, message, details: [] }).finish();
}

// server/ingest/http/read-body.ts
var import_node_zlib = require("node:zlib");
var import_node_util = require("node:util");
var gunzipAsync = (0, import_node_util.promisify)(import_node_zlib.gunzip);
var inflateAsync = (0, import_node_util.promisify)(import_node_zlib.inflate);
var MAX_BODY_BYTES = 20 * 1024 * 1024;
var BodyError = class extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  status;
};
async function readBody(input, maxBytes = MAX_BODY_BYTES) {
  const declared = input.contentLength;
  if (declared > maxBytes) throw new BodyError(413, `request body of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  const raw = await readCapped(input.chunks, maxBytes);
  const encoding = (input.contentEncoding ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return raw;
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return await gunzipAsync(raw, { maxOutputLength: maxBytes });
    if (encoding === "deflate") return await inflateAsync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    if (err.code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      throw new BodyError(413, `decompressed request body exceeds the ${maxBytes}-byte limit`);
    }
    throw new BodyError(400, `request body is not valid ${encoding} data: ${err.message}`);
  }
  throw new BodyError(415, `unsupported Content-Encoding "${encoding}" (use gzip, deflate or identity)`);
}
async function readCapped(source, maxBytes) {
  if (!source) return new Uint8Array(0);
  const chunks = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new BodyError(413, `request body exceeds the ${maxBytes}-byte limit`);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

// server/ingest/http/content-type.ts
function otlpEncodingOf(contentType) {
  const mediaType = (contentType ?? "").split(";", 1)[0].trim().toLowerCase();
  if (mediaType === "application/x-protobuf" || mediaType === "application/protobuf") return "protobuf";
  if (mediaType === "application/json") return "json";
  return null;
}
var CONTENT_TYPES = {
  protobuf: "application/x-protobuf",
  json: "application/json"
};

// server/ingest/http/admission.ts
var KEY4 = /* @__PURE__ */ Symbol.for("sightline.inflightBodyBytes");
var MAX_INFLIGHT_BODY_BYTES = 256 * 1024 * 1024;
function state() {
  const holder = globalThis;
  holder[KEY4] ??= { bytes: 0 };
  return holder[KEY4];
}
function admit(declaredBytes) {
  const s = state();
  const reserve = Number.isFinite(declaredBytes) && declaredBytes >= 0 ? declaredBytes : 20 * 1024 * 1024;
  if (s.bytes > 0 && s.bytes + reserve > MAX_INFLIGHT_BODY_BYTES) return null;
  s.bytes += reserve;
  let released = false;
  return {
    release: () => {
      if (!released) s.bytes -= reserve;
      released = true;
    }
  };
}

// server/ingest/http/receive-otlp.ts
var RPC = { INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, INTERNAL: 13, UNAVAILABLE: 14 };
function batchOf(signal, decoded) {
  if (signal === "traces") return { spans: decoded.groups };
  if (signal === "logs") return { logs: decoded.groups };
  return { metricColumns: decoded.groups };
}
function statusAnswer(enc, status, rpcCode, message, headers = {}) {
  return { status, headers: { "content-type": CONTENT_TYPES[enc], ...headers }, body: encodeStatus(enc, rpcCode, message) };
}
async function receiveOtlp(signal, request) {
  const enc = otlpEncodingOf(request.contentType);
  if (!enc) {
    const got = request.contentType ?? "none";
    return statusAnswer(
      "json",
      415,
      RPC.INVALID_ARGUMENT,
      `unsupported Content-Type "${got}": send application/x-protobuf or application/json`
    );
  }
  const ticket = admit(request.contentLength);
  if (!ticket) return statusAnswer(enc, 503, RPC.UNAVAILABLE, "server busy: too many bytes in flight; retry later", { "retry-after": "1" });
  try {
    const body = await readBody(request);
    const decoded = await decodeOffThread(signal, body, enc);
    await storeBatch(batchOf(signal, decoded));
    const partial = decoded.rejected > 0 ? { rejected: decoded.rejected, errorMessage: decoded.rejectionReasons.join("; ") } : void 0;
    return { status: 200, headers: { "content-type": CONTENT_TYPES[enc] }, body: encodeExportResponse(signal, enc, partial) };
  } catch (err) {
    if (err instanceof BodyError) return statusAnswer(enc, err.status, RPC.INVALID_ARGUMENT, err.message);
    if (err instanceof OtlpDecodeError) return statusAnswer(enc, 400, RPC.INVALID_ARGUMENT, err.message);
    if (err instanceof WriteQueueFullError) {
      return statusAnswer(enc, 503, RPC.UNAVAILABLE, err.message, { "retry-after": String(err.retryAfterSeconds) });
    }
    console.error(`[sightline] ${signal} ingest failed`, err);
    return statusAnswer(enc, 500, RPC.INTERNAL, "internal error while storing the data");
  } finally {
    ticket.release();
  }
}

// server/ingest/http/adapters.ts
var DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
async function receiveOtlpNode(signal, req2, res) {
  const answer = await receiveOtlp(signal, {
    contentType: req2.headers["content-type"] ?? null,
    contentEncoding: req2.headers["content-encoding"] ?? null,
    contentLength: Number(req2.headers["content-length"] ?? NaN),
    chunks: req2
  });
  if (!req2.readableEnded && answer.status !== 200) {
    const declared = Number(req2.headers["content-length"] ?? NaN);
    if (Number.isFinite(declared) && declared <= DRAIN_LIMIT_BYTES) req2.resume();
    else res.setHeader("connection", "close");
  }
  res.writeHead(answer.status, { ...answer.headers, "content-length": String(answer.body.byteLength) });
  res.end(answer.body);
}

// server/ingest/span-metrics/buckets.ts
var LATENCY_BOUNDS_SECONDS = Object.freeze([
  2e-3,
  4e-3,
  8e-3,
  0.016,
  0.032,
  0.064,
  0.128,
  0.256,
  0.512,
  1.024,
  2.048,
  4.096,
  8.192,
  16.384
]);
var BOUNDS_NS = LATENCY_BOUNDS_SECONDS.map((s) => Math.round(s * 1e9));
var LATENCY_BUCKET_COUNT = LATENCY_BOUNDS_SECONDS.length + 1;
function latencyBucketIndex(durationNs2) {
  for (let i = 0; i < BOUNDS_NS.length; i++) {
    if (durationNs2 <= BOUNDS_NS[i]) return i;
  }
  return BOUNDS_NS.length;
}

// server/ingest/span-metrics/labels.ts
var CALLS_METRIC = {
  name: "traces.spanmetrics.calls",
  description: "Spans received, per service, span name, span kind and status code (derived by Sightline from ingested spans).",
  unit: ""
};
var LATENCY_METRIC = {
  name: "traces.spanmetrics.latency",
  description: "Span duration in seconds, per service, span name, span kind and status code (derived by Sightline from ingested spans).",
  unit: ""
};
var SPAN_METRICS_SCOPE_NAME = "sightline.spanmetrics";
var SPAN_KINDS = [
  "SPAN_KIND_UNSPECIFIED",
  "SPAN_KIND_INTERNAL",
  "SPAN_KIND_SERVER",
  "SPAN_KIND_CLIENT",
  "SPAN_KIND_PRODUCER",
  "SPAN_KIND_CONSUMER"
];
var STATUS_CODES = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"];
function spanKindLabel(kind) {
  return SPAN_KINDS[kind] ?? SPAN_KINDS[0];
}
function statusCodeLabel(code) {
  return STATUS_CODES[code] ?? STATUS_CODES[0];
}
var MAX_LABEL_VALUE_LENGTH = 1024;
function boundLabelValue(value) {
  if (value.length <= MAX_LABEL_VALUE_LENGTH) return value;
  let end = MAX_LABEL_VALUE_LENGTH;
  const last = value.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end -= 1;
  return value.slice(0, end);
}
function labelsKey(l) {
  return `${l.service}\0${l.spanName}\0${l.spanKind}\0${l.statusCode}`;
}
var stringAttr = (key, value) => `{"key":${JSON.stringify(key)},"value":{"stringValue":${JSON.stringify(value)}}}`;
function labelsAttributesJson(l) {
  return `[${stringAttr("service", l.service)},${stringAttr("span_name", l.spanName)},${stringAttr("span_kind", l.spanKind)},${stringAttr("status_code", l.statusCode)}]`;
}
function serviceResourceAttributesJson(service) {
  return `[${stringAttr("service.name", service)}]`;
}

// server/ingest/span-metrics/aggregator.ts
var DEFAULT_MAX_SERIES = 1e4;
var DEFAULT_STALE_AFTER_NS = 15n * 60n * 1000000000n;
var NS_PER_SECOND = 1e9;
function durationNs(span) {
  if (span.startTimeUnixNano === 0n || span.endTimeUnixNano <= span.startTimeUnixNano) return 0;
  return Number(span.endTimeUnixNano - span.startTimeUnixNano);
}
var SpanMetricsAggregator = class {
  series = /* @__PURE__ */ new Map();
  maxSeries;
  staleAfterNs;
  ignoreResource;
  dropped = 0;
  constructor(options = {}) {
    this.maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
    this.staleAfterNs = options.staleAfterNs ?? DEFAULT_STALE_AFTER_NS;
    this.ignoreResource = options.ignoreResource;
  }
  /** Counts committed spans; `nowUnixNano` becomes the start time of series seen for the first time. */
  observe(groups, nowUnixNano2) {
    for (const group of groups) {
      if (this.ignoreResource?.(group.resource)) continue;
      const service = boundLabelValue(group.resource.serviceName);
      for (const span of group.rows) this.observeSpan(service, span, nowUnixNano2);
    }
  }
  observeSpan(service, span, nowUnixNano2) {
    const labels = {
      service,
      spanName: boundLabelValue(span.name),
      spanKind: spanKindLabel(span.kind),
      statusCode: statusCodeLabel(span.statusCode)
    };
    const key = labelsKey(labels);
    let s = this.series.get(key);
    if (!s) {
      if (this.series.size >= this.maxSeries) {
        this.dropped++;
        return;
      }
      s = {
        labels,
        attributesJson: labelsAttributesJson(labels),
        startUnixNano: nowUnixNano2,
        lastSeenUnixNano: nowUnixNano2,
        dirty: true,
        calls: 0,
        bucketCounts: new Array(LATENCY_BUCKET_COUNT).fill(0),
        sumSeconds: 0,
        minSeconds: Infinity,
        maxSeconds: -Infinity,
        exemplars: new Array(LATENCY_BUCKET_COUNT).fill(void 0)
      };
      this.series.set(key, s);
    }
    const ns = durationNs(span);
    const seconds = ns / NS_PER_SECOND;
    const bucket = latencyBucketIndex(ns);
    s.calls++;
    s.bucketCounts[bucket]++;
    s.sumSeconds += seconds;
    if (seconds < s.minSeconds) s.minSeconds = seconds;
    if (seconds > s.maxSeconds) s.maxSeconds = seconds;
    s.lastSeenUnixNano = nowUnixNano2;
    s.dirty = true;
    const current = s.exemplars[bucket];
    if (!current || ns > current.durationNs) {
      s.exemplars[bucket] = {
        traceId: span.traceId,
        spanId: span.spanId,
        durationNs: ns,
        timeUnixNano: span.endTimeUnixNano > 0n ? span.endTimeUnixNano : nowUnixNano2
      };
    }
  }
  /**
   * The cumulative values of every live series at `nowUnixNano`, grouped by service (one resource
   * per service), and the exemplars of the interval since the previous snapshot, which then restarts.
   */
  snapshot(nowUnixNano2) {
    const byService = /* @__PURE__ */ new Map();
    for (const [key, s] of this.series) {
      if (!s.dirty && nowUnixNano2 - s.lastSeenUnixNano > this.staleAfterNs) {
        this.series.delete(key);
        continue;
      }
      let group = byService.get(s.labels.service);
      if (!group) {
        group = { resource: serviceResource(s.labels.service), scope: SCOPE, rows: [] };
        byService.set(s.labels.service, group);
      }
      group.rows.push(callsRow(s, nowUnixNano2), latencyRow(s, nowUnixNano2));
      s.exemplars.fill(void 0);
      s.dirty = false;
    }
    return [...byService.values()];
  }
  stats() {
    return { activeSeries: this.series.size, droppedSpans: this.dropped };
  }
};
var SCOPE = Object.freeze({ name: SPAN_METRICS_SCOPE_NAME, version: "", attributesJson: "[]", droppedAttributesCount: 0, schemaUrl: "" });
function serviceResource(service) {
  return { serviceName: service, attributesJson: serviceResourceAttributesJson(service), droppedAttributesCount: 0, schemaUrl: "" };
}
function callsRow(s, nowUnixNano2) {
  return {
    series: {
      name: CALLS_METRIC.name,
      description: CALLS_METRIC.description,
      unit: CALLS_METRIC.unit,
      kind: "sum",
      temporality: 2,
      isMonotonic: true,
      attributesJson: s.attributesJson,
      metadataJson: "[]"
    },
    point: { kind: "number", value: BigInt(s.calls), startTimeUnixNano: s.startUnixNano, timeUnixNano: nowUnixNano2, flags: 0, exemplars: [] }
  };
}
function latencyRow(s, nowUnixNano2) {
  const exemplars3 = [];
  for (const e of s.exemplars) {
    if (e) {
      exemplars3.push({ timeUnixNano: e.timeUnixNano, value: e.durationNs / NS_PER_SECOND, traceId: e.traceId, spanId: e.spanId, filteredAttributesJson: "[]" });
    }
  }
  const any = s.calls > 0;
  return {
    series: {
      name: LATENCY_METRIC.name,
      description: LATENCY_METRIC.description,
      unit: LATENCY_METRIC.unit,
      kind: "histogram",
      temporality: 2,
      isMonotonic: false,
      attributesJson: s.attributesJson,
      metadataJson: "[]"
    },
    point: {
      kind: "histogram",
      startTimeUnixNano: s.startUnixNano,
      timeUnixNano: nowUnixNano2,
      flags: 0,
      exemplars: exemplars3,
      count: BigInt(s.calls),
      sum: s.sumSeconds,
      min: any ? s.minSeconds : null,
      max: any ? s.maxSeconds : null,
      bucketCounts: s.bucketCounts.map((c) => BigInt(c)),
      explicitBounds: [...LATENCY_BOUNDS_SECONDS]
    }
  };
}

// server/jobs/span-metrics-job.ts
var SELF_SERVICE_NAME = "sightline";
var KEY5 = /* @__PURE__ */ Symbol.for("sightline.spanMetricsJob");
var nowUnixNano = () => BigInt(Date.now()) * 1000000n;
function startSpanMetricsJob() {
  const holder = globalThis;
  if (holder[KEY5]) return;
  const { SIGHTLINE_SPAN_METRICS_INTERVAL_MS: intervalMs, SIGHTLINE_SPAN_METRICS_MAX_SERIES: maxSeries } = serverEnv();
  if (intervalMs === 0) return;
  const aggregator = new SpanMetricsAggregator({
    maxSeries,
    ignoreResource: (resource) => resource.serviceName === SELF_SERVICE_NAME
  });
  const unsubscribe = onSpansCommitted((spans2) => aggregator.observe(spans2, nowUnixNano()));
  const state2 = {
    aggregator,
    unsubscribe,
    lastFlushUnixNano: 0n,
    reportedDrops: 0,
    stopped: false,
    timer: setInterval(() => safeFlush(state2), intervalMs)
  };
  state2.timer.unref();
  holder[KEY5] = state2;
}
function stopSpanMetricsJob() {
  const state2 = globalThis[KEY5];
  if (!state2 || state2.stopped) return;
  state2.stopped = true;
  clearInterval(state2.timer);
  state2.unsubscribe();
  safeFlush(state2);
}
function safeFlush(state2) {
  try {
    flush(state2);
  } catch (err) {
    console.error("[sightline] span metrics: flush failed", err);
  }
}
function flush(state2) {
  let now = nowUnixNano();
  if (now <= state2.lastFlushUnixNano) now = state2.lastFlushUnixNano + 1n;
  state2.lastFlushUnixNano = now;
  const metrics = state2.aggregator.snapshot(now);
  const { droppedSpans, activeSeries } = state2.aggregator.stats();
  if (droppedSpans > state2.reportedDrops) {
    console.warn(`[sightline] span metrics: series cap reached (${activeSeries} series); ${droppedSpans - state2.reportedDrops} spans not counted since last report (${droppedSpans} in total)`);
    state2.reportedDrops = droppedSpans;
  }
  if (metrics.length === 0) return;
  storeBatch({ metrics }).catch((err) => {
    console.warn("[sightline] span metrics: snapshot not stored", err instanceof Error ? err.message : err);
  });
}

// server/jobs/scrape-job.ts
var import_node_path4 = __toESM(require("node:path"));

// server/scrape/config.ts
var import_node_fs3 = __toESM(require("node:fs"));
var import_yaml = require("yaml");
var import_zod2 = require("zod");
var ScrapeConfigError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ScrapeConfigError";
  }
};
var DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
var UNIT_MS = [365 * 864e5, 7 * 864e5, 864e5, 36e5, 6e4, 1e3, 1];
var UNIT_NAMES = ["y", "w", "d", "h", "m", "s", "ms"];
function parsePromDuration(text7) {
  if (text7 === "0") return 0;
  const m = text7 === "" ? null : DURATION_RE.exec(text7);
  if (!m) throw new ScrapeConfigError(`not a valid duration string: "${text7}"`);
  let ms = 0;
  for (let i = 0; i < UNIT_MS.length; i++) if (m[i + 1] !== void 0) ms += Number(m[i + 1]) * UNIT_MS[i];
  if (!Number.isSafeInteger(ms)) throw new ScrapeConfigError(`duration out of range: "${text7}"`);
  return ms;
}
function formatPromDuration(ms) {
  if (ms === 0) return "0s";
  let rest = ms;
  let out = "";
  for (let i = 0; i < UNIT_MS.length; i++) {
    const n = Math.floor(rest / UNIT_MS[i]);
    if (n > 0) {
      out += `${n}${UNIT_NAMES[i]}`;
      rest -= n * UNIT_MS[i];
    }
  }
  return out;
}
var SIZE_UNITS = {
  B: 1,
  KB: 1024,
  KIB: 1024,
  MB: 1024 ** 2,
  MIB: 1024 ** 2,
  GB: 1024 ** 3,
  GIB: 1024 ** 3,
  TB: 1024 ** 4,
  TIB: 1024 ** 4
};
function parseByteSize(text7) {
  const m = /^(\d+)\s*([KMGT]?i?B)?$/i.exec(text7.trim());
  const unit = m ? SIZE_UNITS[(m[2] ?? "B").toUpperCase()] : void 0;
  if (!m || unit === void 0) throw new ScrapeConfigError(`not a valid size: "${text7}" (e.g. 512KB, 16MB)`);
  return Number(m[1]) * unit;
}
var DEFAULT_BODY_SIZE_LIMIT = 16 * 1024 * 1024;
var LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
var durationSchema = import_zod2.z.union([import_zod2.z.string(), import_zod2.z.number()], { error: 'expected a duration string such as "15s" or "1m"' }).transform((text7, ctx) => {
  try {
    return parsePromDuration(String(text7));
  } catch (err) {
    ctx.addIssue({ code: "custom", message: err.message });
    return import_zod2.z.NEVER;
  }
});
var positiveDuration = durationSchema.refine((ms) => ms > 0, "must be greater than 0");
var sizeSchema = import_zod2.z.union([import_zod2.z.number().int().min(0), import_zod2.z.string()]).transform((value, ctx) => {
  if (typeof value === "number") return value;
  try {
    return parseByteSize(value);
  } catch (err) {
    ctx.addIssue({ code: "custom", message: err.message });
    return import_zod2.z.NEVER;
  }
});
var limit = import_zod2.z.number().int().min(0);
var labelValue = import_zod2.z.union([import_zod2.z.string(), import_zod2.z.number(), import_zod2.z.boolean()]).transform(String);
var labelSetSchema = import_zod2.z.record(import_zod2.z.string(), labelValue).superRefine((labels, ctx) => {
  for (const name of Object.keys(labels)) {
    if (!LABEL_NAME_RE.test(name)) ctx.addIssue({ code: "custom", path: [name], message: "invalid label name (expected [a-zA-Z_][a-zA-Z0-9_]*)" });
  }
});
var targetSchema = import_zod2.z.string().trim().min(1, "empty target").refine(
  (t) => !/[\s/?#@]/.test(t),
  'a target is "host:port" (no scheme, path or spaces)'
);
var limitFields = {
  sample_limit: limit.optional(),
  label_limit: limit.optional(),
  label_name_length_limit: limit.optional(),
  label_value_length_limit: limit.optional(),
  body_size_limit: sizeSchema.optional()
};
var globalSchema = import_zod2.z.strictObject({
  scrape_interval: positiveDuration.optional(),
  scrape_timeout: positiveDuration.optional(),
  /** Accepted for compatibility with prometheus.yml; not used by scraping. */
  evaluation_interval: durationSchema.optional(),
  external_labels: labelSetSchema.optional(),
  ...limitFields
});
var scrapeConfigSchema = import_zod2.z.strictObject({
  job_name: import_zod2.z.string().trim().min(1, "job_name is required"),
  scrape_interval: positiveDuration.optional(),
  scrape_timeout: positiveDuration.optional(),
  metrics_path: import_zod2.z.string().startsWith("/", 'metrics_path must start with "/"').default("/metrics"),
  scheme: import_zod2.z.enum(["http", "https"]).default("http"),
  params: import_zod2.z.record(import_zod2.z.string(), import_zod2.z.array(import_zod2.z.string())).default({}),
  honor_labels: import_zod2.z.boolean().default(false),
  honor_timestamps: import_zod2.z.boolean().default(true),
  ...limitFields,
  static_configs: import_zod2.z.array(import_zod2.z.strictObject({
    targets: import_zod2.z.array(targetSchema).default([]),
    labels: labelSetSchema.default({})
  })).nullish().transform((v) => v ?? [])
});
var fileSchema = import_zod2.z.looseObject({
  global: globalSchema.nullish(),
  scrape_configs: import_zod2.z.array(scrapeConfigSchema).nullish()
});
var EMPTY_SCRAPE_CONFIG = { scrapeIntervalMs: 6e4, scrapeTimeoutMs: 1e4, jobs: [] };
function formatIssues(error) {
  return error.issues.map((issue) => {
    const path8 = issue.path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("").replace(/^\./, "");
    return path8 ? `${path8}: ${issue.message}` : issue.message;
  }).join("; ");
}
function parseScrapeConfig(text7) {
  const doc = (0, import_yaml.parseDocument)(text7, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new ScrapeConfigError(`invalid YAML: ${doc.errors[0].message.split("\n")[0].replace(/:$/, "")}`);
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ScrapeConfigError(`invalid YAML: ${err.message.split("\n")[0]}`);
  }
  if (raw === null || raw === void 0) return EMPTY_SCRAPE_CONFIG;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new ScrapeConfigError("the config file must be a YAML mapping");
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new ScrapeConfigError(formatIssues(parsed.error));
  const g = parsed.data.global ?? {};
  const globalInterval = g.scrape_interval ?? 6e4;
  const globalTimeout = g.scrape_timeout ?? Math.min(1e4, globalInterval);
  if (globalTimeout > globalInterval) {
    throw new ScrapeConfigError(`global: scrape_timeout (${formatPromDuration(globalTimeout)}) is greater than scrape_interval (${formatPromDuration(globalInterval)})`);
  }
  const seen = /* @__PURE__ */ new Set();
  const jobs = (parsed.data.scrape_configs ?? []).map((sc, i) => {
    if (seen.has(sc.job_name)) throw new ScrapeConfigError(`scrape_configs[${i}]: found multiple scrape configs with job name "${sc.job_name}"`);
    seen.add(sc.job_name);
    const interval = sc.scrape_interval ?? globalInterval;
    const timeout = sc.scrape_timeout ?? Math.min(globalTimeout, interval);
    if (timeout > interval) {
      throw new ScrapeConfigError(`scrape_configs[${i}] (${sc.job_name}): scrape_timeout (${formatPromDuration(timeout)}) is greater than scrape_interval (${formatPromDuration(interval)})`);
    }
    const bodyLimit = sc.body_size_limit ?? g.body_size_limit ?? 0;
    return {
      jobName: sc.job_name,
      scrapeIntervalMs: interval,
      scrapeTimeoutMs: timeout,
      metricsPath: sc.metrics_path,
      scheme: sc.scheme,
      params: sc.params,
      honorLabels: sc.honor_labels,
      honorTimestamps: sc.honor_timestamps,
      sampleLimit: sc.sample_limit ?? g.sample_limit ?? 0,
      labelLimit: sc.label_limit ?? g.label_limit ?? 0,
      labelNameLengthLimit: sc.label_name_length_limit ?? g.label_name_length_limit ?? 0,
      labelValueLengthLimit: sc.label_value_length_limit ?? g.label_value_length_limit ?? 0,
      bodySizeLimitBytes: bodyLimit === 0 ? DEFAULT_BODY_SIZE_LIMIT : bodyLimit,
      staticConfigs: sc.static_configs.map((s) => ({ targets: s.targets, labels: s.labels }))
    };
  });
  return { scrapeIntervalMs: globalInterval, scrapeTimeoutMs: globalTimeout, jobs };
}
function sortedRecord(entries) {
  const out = {};
  for (const [k, v] of entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) out[k] = v;
  return out;
}
function resolveTargets(config) {
  const out = [];
  for (const job of config.jobs) {
    const keys = /* @__PURE__ */ new Set();
    for (const sc of job.staticConfigs) {
      for (const address of sc.targets) {
        const discovered = [
          ["__address__", address],
          ["__metrics_path__", job.metricsPath],
          ["__scheme__", job.scheme],
          ["__scrape_interval__", formatPromDuration(job.scrapeIntervalMs)],
          ["__scrape_timeout__", formatPromDuration(job.scrapeTimeoutMs)],
          ["job", job.jobName]
        ];
        for (const [name, values] of Object.entries(job.params)) if (values.length > 0) discovered.push([`__param_${name}`, values[0]]);
        for (const [k, v] of Object.entries(sc.labels)) {
          const i = discovered.findIndex(([name]) => name === k);
          if (i >= 0) discovered[i] = [k, v];
          else discovered.push([k, v]);
        }
        const discoveredLabels = sortedRecord(discovered);
        const finalEntries = Object.entries(discoveredLabels).filter(([k]) => !k.startsWith("__"));
        if (!("instance" in discoveredLabels)) finalEntries.push(["instance", address]);
        const labels = sortedRecord(finalEntries.filter(([, v]) => v !== ""));
        const query = new URLSearchParams();
        for (const [name, values] of Object.entries(job.params)) for (const v of values) query.append(name, v);
        const qs = query.toString();
        const scrapeUrl = `${job.scheme}://${address}${job.metricsPath}${qs ? `?${qs}` : ""}`;
        try {
          new URL(scrapeUrl);
        } catch {
          throw new ScrapeConfigError(`${job.jobName}: invalid target "${address}" (scrape URL ${scrapeUrl})`);
        }
        const key = `${job.jobName}\0${scrapeUrl}\0${JSON.stringify(labels)}`;
        if (keys.has(key)) continue;
        keys.add(key);
        out.push({ key, scrapePool: job.jobName, scrapeUrl, discoveredLabels, labels, job });
      }
    }
  }
  return out;
}
function readConfigText(path8) {
  try {
    return import_node_fs3.default.readFileSync(path8, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return null;
    throw new ScrapeConfigError(`cannot read ${path8}: ${err.message}`);
  }
}
function loadConfigText(text7) {
  if (text7 === null) return { found: false, text: "", config: EMPTY_SCRAPE_CONFIG, targets: [] };
  const config = parseScrapeConfig(text7);
  return { found: true, text: text7, config, targets: resolveTargets(config) };
}
var SETTLE_MS2 = 250;
var ScrapeConfigWatcher = class {
  constructor(options) {
    this.options = options;
  }
  options;
  /** The text last reported (as a config or an error); "\u0000missing" for a missing file. */
  lastKey = null;
  watching = false;
  debounce = null;
  listener = (curr, prev) => {
    if (curr.mtimeMs === prev.mtimeMs && curr.size === prev.size && curr.ino === prev.ino) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      if (this.watching) this.reload();
    }, SETTLE_MS2);
    this.debounce.unref();
  };
  start() {
    if (this.watching) return;
    this.watching = true;
    const interval = this.options.pollIntervalMs ?? 2e3;
    import_node_fs3.default.watchFile(this.options.path, { interval, persistent: false }, this.listener);
    this.reload();
    setTimeout(() => {
      if (this.watching) this.reload();
    }, interval * 2).unref();
  }
  stop() {
    if (!this.watching) return;
    this.watching = false;
    if (this.debounce) clearTimeout(this.debounce);
    import_node_fs3.default.unwatchFile(this.options.path, this.listener);
  }
  /**
   * Re-reads the file and reports a new config or an error — once per distinct text, so a bad file is
   * not reported again on every poll, and a bad edit reverted to the text in force applies it again.
   * Never throws.
   */
  reload() {
    let text7;
    try {
      text7 = readConfigText(this.options.path);
    } catch (err) {
      this.lastKey = null;
      this.report(err);
      return;
    }
    const key = text7 ?? "\0missing";
    if (key === this.lastKey) return;
    this.lastKey = key;
    let loaded;
    try {
      loaded = loadConfigText(text7);
    } catch (err) {
      this.report(err);
      return;
    }
    try {
      this.options.onConfig(loaded);
    } catch (err) {
      this.report(err);
    }
  }
  report(err) {
    this.options.onError(err instanceof Error ? err : new Error(String(err)));
  }
};

// server/scrape/parse-exposition.ts
var ExpositionParseError = class extends Error {
  constructor(line, reason) {
    super(`line ${line}: ${reason}`);
    this.line = line;
    this.reason = reason;
    this.name = "ExpositionParseError";
  }
  line;
  reason;
};
var SCRAPE_ACCEPT_HEADER = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5";
function formatFromContentType(contentType) {
  const mediaType = (contentType ?? "").split(";", 1)[0].trim().toLowerCase();
  return mediaType === "application/openmetrics-text" ? "openmetrics" : "prometheus";
}
var PROMETHEUS_TYPES = {
  counter: "counter",
  gauge: "gauge",
  histogram: "histogram",
  summary: "summary",
  untyped: "unknown"
};
var OPENMETRICS_TYPES = {
  counter: "counter",
  gauge: "gauge",
  histogram: "histogram",
  gaugehistogram: "gaugehistogram",
  summary: "summary",
  info: "info",
  stateset: "stateset",
  unknown: "unknown"
};
var ALLOWED_SUFFIXES = {
  counter: ["_total", "_created", ""],
  gauge: [""],
  histogram: ["_bucket", "_sum", "_count", "_created"],
  gaugehistogram: ["_bucket", "_gsum", "_gcount"],
  summary: ["", "_sum", "_count", "_created"],
  info: ["_info"],
  stateset: [""],
  unknown: [""]
};
var ALL_SUFFIXES = ["_total", "_created", "_bucket", "_sum", "_count", "_gsum", "_gcount", "_info"];
var EXEMPLAR_MAX_LABEL_SET_LENGTH = 128;
var isNameStart = (c) => c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c === 58;
var isNameChar = (c) => isNameStart(c) || c >= 48 && c <= 57;
var isLabelStart = (c) => c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
var isLabelChar = (c) => isLabelStart(c) || c >= 48 && c <= 57;
var isBlank = (c) => c === 32 || c === 9;
var FLOAT_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
var INF_RE = /^[+-]?inf(?:inity)?$/i;
function parseExpositionFloat(token) {
  if (token.length > 64) return null;
  if (FLOAT_RE.test(token)) return Number(token);
  if (INF_RE.test(token)) return token.startsWith("-") ? -Infinity : Infinity;
  if (token.toLowerCase() === "nan") return NaN;
  return null;
}
var LineReader = class {
  constructor(text7, lineNo) {
    this.text = text7;
    this.lineNo = lineNo;
  }
  text;
  lineNo;
  pos = 0;
  get done() {
    return this.pos >= this.text.length;
  }
  peek() {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }
  fail(reason) {
    throw new ExpositionParseError(this.lineNo, reason);
  }
  skipBlanks() {
    const start = this.pos;
    while (this.pos < this.text.length && isBlank(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos - start;
  }
  /** A run of non-blank characters (may be empty). */
  token() {
    const start = this.pos;
    while (this.pos < this.text.length && !isBlank(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }
  metricName(what) {
    const start = this.pos;
    if (!isNameStart(this.peek())) this.fail(`expected ${what}, found ${describe2(this.text, this.pos)}`);
    this.pos++;
    while (this.pos < this.text.length && isNameChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }
  labelName() {
    const start = this.pos;
    if (!isLabelStart(this.peek())) this.fail(`expected a label name, found ${describe2(this.text, this.pos)}`);
    this.pos++;
    while (this.pos < this.text.length && isLabelChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }
  /** A double-quoted label value with its escapes resolved; the cursor is on the opening quote. */
  quoted() {
    if (this.peek() !== 34) this.fail(`expected '"' to start a label value, found ${describe2(this.text, this.pos)}`);
    this.pos++;
    let out = "";
    let chunkStart = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        out += this.text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === 92) {
        out += this.text.slice(chunkStart, this.pos);
        const next2 = this.text.charCodeAt(this.pos + 1);
        if (Number.isNaN(next2)) break;
        if (next2 === 110) out += "\n";
        else if (next2 === 92) out += "\\";
        else if (next2 === 34) out += '"';
        else out += `\\${this.text[this.pos + 1]}`;
        this.pos += 2;
        chunkStart = this.pos;
        continue;
      }
      this.pos++;
    }
    return this.fail(`unterminated label value (missing closing '"')`);
  }
  /** `{name="value",…}` (trailing comma allowed); the cursor is on '{'. Returns a null-prototype record. */
  labelSet() {
    this.pos++;
    const labels = /* @__PURE__ */ Object.create(null);
    for (; ; ) {
      this.skipBlanks();
      if (this.peek() === 125) {
        this.pos++;
        return labels;
      }
      if (this.done) this.fail("unterminated label set (missing '}')");
      const name = this.labelName();
      this.skipBlanks();
      if (this.peek() !== 61) this.fail(`expected '=' after label name "${name}", found ${describe2(this.text, this.pos)}`);
      this.pos++;
      this.skipBlanks();
      const value = this.quoted();
      if (Object.prototype.hasOwnProperty.call(labels, name)) this.fail(`duplicate label name "${name}"`);
      labels[name] = value;
      this.skipBlanks();
      const c = this.peek();
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 125) continue;
      if (this.done) this.fail("unterminated label set (missing '}')");
      this.fail(`expected ',' or '}' after label value, found ${describe2(this.text, this.pos)}`);
    }
  }
};
function describe2(text7, pos) {
  if (pos >= text7.length) return "end of line";
  const snippet = text7.slice(pos, pos + 20);
  return JSON.stringify(snippet + (text7.length > pos + 20 ? "\u2026" : ""));
}
function unescapeHelp(text7, openMetrics) {
  if (!text7.includes("\\")) return text7;
  let out = "";
  for (let i = 0; i < text7.length; i++) {
    const c = text7[i];
    if (c !== "\\" || i + 1 >= text7.length) {
      out += c;
      continue;
    }
    const next2 = text7[i + 1];
    if (next2 === "n") out += "\n";
    else if (next2 === "\\") out += "\\";
    else if (next2 === '"' && openMetrics) out += '"';
    else {
      out += c;
      continue;
    }
    i++;
  }
  return out;
}
function codePointLength(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 55296 || c > 56319) n++;
  }
  return n;
}
function parseExposition(text7, format) {
  const openMetrics = format === "openmetrics";
  const types = openMetrics ? OPENMETRICS_TYPES : PROMETHEUS_TYPES;
  const declared = /* @__PURE__ */ new Map();
  const implicit = /* @__PURE__ */ new Map();
  const samples = [];
  let sawEof = false;
  let lineNo = 0;
  let pos = 0;
  const family = (name) => {
    let f = declared.get(name);
    if (!f) {
      f = { name, type: "unknown", help: "", unit: "" };
      declared.set(name, f);
    }
    return f;
  };
  const resolve = (name) => {
    const exact = declared.get(name);
    if (exact && ALLOWED_SUFFIXES[exact.type].includes("")) return { family: exact, suffix: "" };
    for (const suffix of ALL_SUFFIXES) {
      if (name.length <= suffix.length || !name.endsWith(suffix)) continue;
      const f2 = declared.get(name.slice(0, -suffix.length));
      if (f2 && ALLOWED_SUFFIXES[f2.type].includes(suffix)) return { family: f2, suffix };
    }
    let f = implicit.get(name);
    if (!f) {
      f = { name, type: "unknown", help: "", unit: "" };
      implicit.set(name, f);
    }
    return { family: f, suffix: "" };
  };
  while (pos < text7.length || pos === text7.length && lineNo === 0) {
    let end = text7.indexOf("\n", pos);
    if (end === -1) end = text7.length;
    let line = text7.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (!openMetrics && line.endsWith("\r")) line = line.slice(0, -1);
    if (sawEof) {
      if (line === "" && pos >= text7.length) break;
      throw new ExpositionParseError(lineNo, 'unexpected content after "# EOF"');
    }
    if (line.trim() === "") {
      if (openMetrics && pos < text7.length) throw new ExpositionParseError(lineNo, "empty lines are not allowed in OpenMetrics");
      continue;
    }
    const r = new LineReader(line, lineNo);
    if (line.charCodeAt(0) === 35) {
      r.pos = 1;
      const blanks = r.skipBlanks();
      const keyword = r.token();
      if (openMetrics && keyword === "EOF" && blanks === 1) {
        r.skipBlanks();
        if (!r.done) r.fail('unexpected text after "# EOF"');
        sawEof = true;
        continue;
      }
      const isMeta = keyword === "HELP" || keyword === "TYPE" || openMetrics && keyword === "UNIT";
      if (!isMeta || blanks === 0) {
        if (openMetrics) r.fail(`unsupported comment ${describe2(line, 0)}: OpenMetrics allows only # HELP, # TYPE, # UNIT and # EOF`);
        continue;
      }
      if (r.skipBlanks() === 0) r.fail(`expected a metric name after "# ${keyword}"`);
      const name2 = r.metricName("a metric name");
      const sep = r.skipBlanks();
      if (!r.done && sep === 0) r.fail(`unexpected character after the metric name in "# ${keyword}": ${describe2(line, r.pos)}`);
      const rest = line.slice(r.pos);
      const f2 = family(name2);
      if (keyword === "HELP") {
        f2.help = unescapeHelp(rest, openMetrics);
      } else if (keyword === "TYPE") {
        const word = rest.trim();
        const type = Object.prototype.hasOwnProperty.call(types, word) ? types[word] : void 0;
        if (!type) r.fail(`invalid metric type "${word.slice(0, 40)}" for ${name2} (${format === "openmetrics" ? "OpenMetrics" : "text 0.0.4"} allows ${Object.keys(types).join(", ")})`);
        f2.type = type;
      } else {
        const unit = rest.trim();
        if (unit !== "" && !name2.endsWith(`_${unit}`)) r.fail(`unit "${unit.slice(0, 40)}" is not a suffix of the metric name ${name2}`);
        f2.unit = unit;
      }
      continue;
    }
    if (!openMetrics) r.skipBlanks();
    const name = r.metricName("a metric name or comment");
    const labels = r.peek() === 123 ? r.labelSet() : /* @__PURE__ */ Object.create(null);
    if (r.skipBlanks() === 0) r.fail(r.done ? `missing value for ${name}` : `expected a space before the value, found ${describe2(line, r.pos)}`);
    const valueToken = r.token();
    const value = parseExpositionFloat(valueToken);
    if (value === null) r.fail(`invalid value ${JSON.stringify(valueToken.slice(0, 40))} for ${name}`);
    let timestampMs = null;
    let exemplar = null;
    r.skipBlanks();
    if (!r.done && r.peek() !== 35) {
      const tsToken = r.token();
      timestampMs = openMetrics ? parseSecondsTimestamp(tsToken) : parseMillisTimestamp(tsToken);
      if (timestampMs === null) r.fail(`invalid timestamp ${JSON.stringify(tsToken.slice(0, 40))} for ${name}`);
      r.skipBlanks();
    }
    if (!r.done) {
      if (r.peek() !== 35) r.fail(`unexpected text after the ${timestampMs === null ? "value" : "timestamp"}: ${describe2(line, r.pos)}`);
      if (!openMetrics) r.fail('exemplars (" # {\u2026}") are only valid in the OpenMetrics format');
      r.pos++;
      if (r.skipBlanks() === 0) r.fail('expected a space after "#" before the exemplar');
      if (r.peek() !== 123) r.fail(`expected "{" to start the exemplar's labels, found ${describe2(line, r.pos)}`);
      const exLabels = r.labelSet();
      if (r.skipBlanks() === 0) r.fail("expected a space before the exemplar value");
      const exToken = r.token();
      const exValue = parseExpositionFloat(exToken);
      if (exValue === null) r.fail(`invalid exemplar value ${JSON.stringify(exToken.slice(0, 40))}`);
      let exTs = null;
      r.skipBlanks();
      if (!r.done) {
        const exTsToken = r.token();
        exTs = parseSecondsTimestamp(exTsToken);
        if (exTs === null) r.fail(`invalid exemplar timestamp ${JSON.stringify(exTsToken.slice(0, 40))}`);
        r.skipBlanks();
        if (!r.done) r.fail(`unexpected text after the exemplar: ${describe2(line, r.pos)}`);
      }
      let setLength = 0;
      for (const k in exLabels) setLength += codePointLength(k) + codePointLength(exLabels[k]);
      if (setLength > EXEMPLAR_MAX_LABEL_SET_LENGTH) {
        r.fail(`exemplar label set is ${setLength} characters long; OpenMetrics allows ${EXEMPLAR_MAX_LABEL_SET_LENGTH}`);
      }
      exemplar = { labels: exLabels, value: exValue, timestampMs: exTs };
    }
    const { family: f, suffix } = resolve(name);
    samples.push({ name, labels, value, timestampMs, exemplar, family: f, suffix, line: lineNo });
  }
  if (openMetrics && !sawEof) throw new ExpositionParseError(lineNo, 'the exposition does not end with "# EOF"');
  return { format, samples };
}
function parseMillisTimestamp(token) {
  if (!/^-?\d{1,19}$/.test(token)) return null;
  const n = Number(token);
  return Number.isSafeInteger(n) ? n : null;
}
function parseSecondsTimestamp(token) {
  if (!FLOAT_RE.test(token) || token.length > 64) return null;
  const ms = Math.round(Number(token) * 1e3);
  return Number.isSafeInteger(ms) ? ms : null;
}

// server/scrape/process-scrape.ts
var ScrapeLimitError = class extends Error {
  constructor(message, samplesScraped) {
    super(message);
    this.samplesScraped = samplesScraped;
    this.name = "ScrapeLimitError";
  }
  samplesScraped;
};
var EXPORTED_PREFIX = "exported_";
function goFormatG(f) {
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mantissa, expText] = f.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    const digits = String(Math.abs(exp)).padStart(2, "0");
    return `${mantissa}e${sign}${digits}`;
  }
  return String(f);
}
function normalizeFloatLabel(value) {
  const f = parseExpositionFloat(value);
  if (f === null) return value;
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  const s = goFormatG(f);
  return s.includes("e") || s.includes(".") ? s : `${s}.0`;
}
function labelsKey2(name, labels) {
  const keys = Object.keys(labels).sort();
  let out = `${name}\0{`;
  for (let i = 0; i < keys.length; i++) out += `${i ? "," : ""}${JSON.stringify(keys[i])}:${JSON.stringify(labels[keys[i]])}`;
  return `${out}}`;
}
function mergeTargetLabels(scraped, target, honorLabels) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const k in scraped) out[k] = scraped[k];
  const has = (k) => Object.prototype.hasOwnProperty.call(out, k) && out[k] !== "";
  if (honorLabels) {
    for (const k of Object.keys(target)) if (!has(k)) out[k] = target[k];
  } else {
    const conflicts = [];
    for (const k of Object.keys(target)) {
      if (has(k)) conflicts.push([k, out[k]]);
      out[k] = target[k];
    }
    conflicts.sort((a, b) => a[0].length - b[0].length);
    for (const [name, value] of conflicts) {
      let newName = name;
      for (; ; ) {
        newName = EXPORTED_PREFIX + newName;
        if (!has(newName)) {
          out[newName] = value;
          break;
        }
      }
    }
  }
  for (const k of Object.keys(out)) if (out[k] === "") delete out[k];
  return out;
}
function utf8Length(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return Buffer.byteLength(s, "utf8");
  return s.length;
}
var clip = (s) => s.slice(0, 50);
function checkLabelLimits(name, labels, s) {
  if (s.labelLimit > 0) {
    const count = Object.keys(labels).length + 1;
    if (count > s.labelLimit) return `label_limit exceeded (metric: ${clip(name)}, number of labels: ${count}, limit: ${s.labelLimit})`;
  }
  if (s.labelNameLengthLimit === 0 && s.labelValueLengthLimit === 0) return null;
  const check = (labelName, value) => {
    if (s.labelNameLengthLimit > 0 && utf8Length(labelName) > s.labelNameLengthLimit) {
      return `label_name_length_limit exceeded (metric: ${clip(name)}, label name: ${clip(labelName)}, length: ${utf8Length(labelName)}, limit: ${s.labelNameLengthLimit})`;
    }
    if (s.labelValueLengthLimit > 0 && utf8Length(value) > s.labelValueLengthLimit) {
      return `label_value_length_limit exceeded (metric: ${clip(name)}, label name: ${clip(labelName)}, value: ${JSON.stringify(clip(value))}, length: ${utf8Length(value)}, limit: ${s.labelValueLengthLimit})`;
    }
    return null;
  };
  const nameError = check("__name__", name);
  if (nameError) return nameError;
  for (const k of Object.keys(labels)) {
    const err = check(k, labels[k]);
    if (err) return err;
  }
  return null;
}
function storedKind(sample) {
  const { type } = sample.family;
  const suffix = sample.suffix;
  if (type === "counter" && (suffix === "_total" || suffix === "")) return { kind: "sum", isMonotonic: true };
  if (type === "histogram" || type === "summary") {
    if (suffix === "_bucket" || suffix === "_count") return { kind: "sum", isMonotonic: true };
    if (suffix === "_sum") return { kind: "sum", isMonotonic: false };
  }
  return { kind: "gauge", isMonotonic: false };
}
var isDroppedCreated = (s, openMetrics) => openMetrics && s.suffix === "_created" && (s.family.type === "counter" || s.family.type === "histogram" || s.family.type === "summary");
function processScrape(parsed, settings, scrapeTimeMs) {
  const openMetrics = parsed.format === "openmetrics";
  let samplesScraped = 0;
  for (const s of parsed.samples) if (!isDroppedCreated(s, openMetrics)) samplesScraped++;
  const samples = [];
  const seen = /* @__PURE__ */ new Set();
  let duplicates = 0;
  let appended = 0;
  for (const s of parsed.samples) {
    if (isDroppedCreated(s, openMetrics)) continue;
    let scrapedLabels = s.labels;
    const normalizeKey = s.family.type === "histogram" && s.suffix === "_bucket" ? "le" : s.family.type === "summary" && s.suffix === "" ? "quantile" : null;
    if (normalizeKey && settings.normalizeFloatLabels && Object.prototype.hasOwnProperty.call(scrapedLabels, normalizeKey)) {
      scrapedLabels = Object.assign(/* @__PURE__ */ Object.create(null), scrapedLabels);
      scrapedLabels[normalizeKey] = normalizeFloatLabel(scrapedLabels[normalizeKey]);
    }
    const labels = mergeTargetLabels(scrapedLabels, settings.targetLabels, settings.honorLabels);
    const limitError = checkLabelLimits(s.name, labels, settings);
    if (limitError) throw new ScrapeLimitError(limitError, samplesScraped);
    appended++;
    if (settings.sampleLimit > 0 && appended > settings.sampleLimit) throw new ScrapeLimitError("sample limit exceeded", samplesScraped);
    const key = labelsKey2(s.name, labels);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const explicitTimestamp = settings.honorTimestamps && s.timestampMs !== null;
    const { kind, isMonotonic } = storedKind(s);
    samples.push({
      key,
      series: { name: s.name, labels, kind, isMonotonic, promType: s.family.type, help: s.family.help, unit: s.family.unit },
      value: s.value,
      timeMs: explicitTimestamp ? s.timestampMs : scrapeTimeMs,
      explicitTimestamp,
      exemplar: s.exemplar
    });
  }
  return { samples, samplesScraped, duplicates };
}
var REPORT_HELP = {
  up: ["up", "Health of the scrape target: 1 if the last scrape succeeded, 0 otherwise."],
  durationSeconds: ["scrape_duration_seconds", "Duration of the scrape in seconds."],
  samplesScraped: ["scrape_samples_scraped", "Number of samples the target exposed."],
  samplesPostMetricRelabeling: ["scrape_samples_post_metric_relabeling", "Number of samples remaining after metric relabeling was applied."],
  seriesAdded: ["scrape_series_added", "Approximate number of new series in this scrape."]
};
var REPORT_SERIES_NAMES = Object.values(REPORT_HELP).map(([name]) => name);
function reportSamples(targetLabels, report, timeMs) {
  return Object.keys(REPORT_HELP).map((field) => {
    const [name, help] = REPORT_HELP[field];
    const labels = mergeTargetLabels(/* @__PURE__ */ Object.create(null), targetLabels, false);
    return {
      key: labelsKey2(name, labels),
      series: { name, labels, kind: "gauge", isMonotonic: false, promType: "gauge", help, unit: "" },
      value: report[field],
      timeMs,
      explicitTimestamp: false,
      exemplar: null
    };
  });
}
var TRACE_ID_RE = /^[0-9a-f]{32}$/;
var SPAN_ID_RE = /^[0-9a-f]{16}$/;
function toExemplarRow(e, sampleTimeMs) {
  let traceId = null;
  let spanId = null;
  const attributes = [];
  for (const key of Object.keys(e.labels)) {
    const value = e.labels[key];
    const lower = value.toLowerCase();
    if (key === "trace_id" && TRACE_ID_RE.test(lower) && !/^0+$/.test(lower)) traceId = lower;
    else if (key === "span_id" && SPAN_ID_RE.test(lower) && !/^0+$/.test(lower)) spanId = lower;
    else attributes.push({ key, value: { stringValue: value } });
  }
  return {
    timeUnixNano: BigInt(e.timestampMs ?? sampleTimeMs) * 1000000n,
    value: e.value,
    traceId,
    spanId,
    filteredAttributesJson: JSON.stringify(attributes)
  };
}

// server/scrape/series-tracking.ts
var StalenessTracker = class {
  tracked = /* @__PURE__ */ new Map();
  previousKeys = /* @__PURE__ */ new Set();
  /** After a successful scrape: the series to mark stale now, and how many series are new. */
  next(samples) {
    const tracked = /* @__PURE__ */ new Map();
    const keys = /* @__PURE__ */ new Set();
    let added = 0;
    for (const s of samples) {
      keys.add(s.key);
      if (!this.previousKeys.has(s.key)) added++;
      if (!s.explicitTimestamp) tracked.set(s.key, s.series);
    }
    const stale = [];
    for (const [key, series] of this.tracked) if (!tracked.has(key)) stale.push(series);
    this.tracked = tracked;
    this.previousKeys = keys;
    return { stale, added };
  }
  /** After a failed scrape, or when the target goes away: every tracked series goes stale. */
  dropAll() {
    const stale = [...this.tracked.values()];
    this.tracked = /* @__PURE__ */ new Map();
    this.previousKeys = /* @__PURE__ */ new Set();
    return stale;
  }
  get size() {
    return this.tracked.size;
  }
};
function exemplarKey(e) {
  const keys = Object.keys(e.labels).sort();
  return `${e.value}\0${e.timestampMs ?? ""}\0${keys.map((k) => `${k}=${e.labels[k]}`).join("")}`;
}
var ExemplarDeduper = class {
  last = /* @__PURE__ */ new Map();
  /** Exemplars of this scrape that differ from the previous scrape's for the same series (by sample key). */
  fresh(samples) {
    const next2 = /* @__PURE__ */ new Map();
    const out = /* @__PURE__ */ new Map();
    for (const s of samples) {
      if (!s.exemplar) continue;
      const k = exemplarKey(s.exemplar);
      next2.set(s.key, k);
      if (this.last.get(s.key) !== k) out.set(s.key, s.exemplar);
    }
    this.last = next2;
    return out;
  }
  reset() {
    this.last = /* @__PURE__ */ new Map();
  }
};

// server/scrape/targets-state.ts
var KEY6 = /* @__PURE__ */ Symbol.for("sightline.scrapeState");
function scrapeState() {
  const holder = globalThis;
  holder[KEY6] ??= {
    config: { path: "", found: false, error: null, errorAtMs: null, loadedAtMs: null, scrapePools: [] },
    targets: /* @__PURE__ */ new Map()
  };
  return holder[KEY6];
}
function recordConfigLoaded(path8, found, scrapePools, atMs) {
  scrapeState().config = { path: path8, found, error: null, errorAtMs: null, loadedAtMs: atMs, scrapePools };
}
function recordConfigError(path8, message, atMs) {
  const state2 = scrapeState();
  state2.config = { ...state2.config, path: path8, error: message, errorAtMs: atMs };
}

// server/scrape/scrape-loop.ts
var ScrapeError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ScrapeError";
  }
};
function describeFetchError(err) {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause;
  if (err.message === "fetch failed" && cause instanceof Error) return `${err.message}: ${cause.message}`;
  return err.message;
}
async function fetchExposition(url, options) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const res = await (options.fetchImpl ?? fetch)(url, {
      headers: {
        accept: SCRAPE_ACCEPT_HEADER,
        "user-agent": "Sightline/0.1 (Prometheus-compatible scraper)",
        "x-prometheus-scrape-timeout-seconds": String(options.timeoutMs / 1e3)
      },
      signal: controller.signal,
      redirect: "follow"
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => void 0);
      throw new ScrapeError(`server returned HTTP status ${res.status} ${res.statusText}`.trim());
    }
    const limit2 = options.bodySizeLimitBytes;
    const declared = Number(res.headers.get("content-length"));
    if (!res.headers.get("content-encoding") && Number.isFinite(declared) && declared > limit2) {
      await res.body?.cancel().catch(() => void 0);
      throw new ScrapeError(`body size limit exceeded (${limit2} bytes)`);
    }
    const chunks = [];
    let size2 = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (; ; ) {
        const { done, value } = await reader.read();
        if (done) break;
        size2 += value.byteLength;
        if (size2 > limit2) {
          await reader.cancel().catch(() => void 0);
          throw new ScrapeError(`body size limit exceeded (${limit2} bytes)`);
        }
        chunks.push(value);
      }
    }
    let text7;
    try {
      text7 = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, size2));
    } catch {
      throw new ScrapeError("the response body is not valid UTF-8");
    }
    return { text: text7, contentType: res.headers.get("content-type") };
  } catch (err) {
    if (timedOut) throw new ScrapeError(`scrape timed out after ${formatPromDuration(options.timeoutMs)}`);
    if (err instanceof ScrapeError) throw err;
    throw new ScrapeError(describeFetchError(err));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}
var MS_NS = 1000000n;
var toNs = (ms) => BigInt(Math.round(ms)) * MS_NS;
function settingsOf(target, normalizeFloatLabels) {
  const j = target.job;
  return {
    targetLabels: target.labels,
    honorLabels: j.honorLabels,
    honorTimestamps: j.honorTimestamps,
    normalizeFloatLabels,
    sampleLimit: j.sampleLimit,
    labelLimit: j.labelLimit,
    labelNameLengthLimit: j.labelNameLengthLimit,
    labelValueLengthLimit: j.labelValueLengthLimit
  };
}
function targetIdentity(target) {
  return { job: target.labels.job ?? target.scrapePool, instance: target.labels.instance ?? target.discoveredLabels.__address__ ?? target.scrapeUrl };
}
function newTargetStatus(target) {
  return {
    key: target.key,
    scrapePool: target.scrapePool,
    scrapeUrl: target.scrapeUrl,
    discoveredLabels: target.discoveredLabels,
    labels: target.labels,
    health: "unknown",
    lastError: "",
    lastScrapeMs: null,
    lastScrapeDurationSeconds: 0,
    lastSamplesScraped: 0,
    scrapeIntervalMs: target.job.scrapeIntervalMs,
    scrapeTimeoutMs: target.job.scrapeTimeoutMs
  };
}
var TargetLoop = class {
  constructor(target, status, deps) {
    this.target = target;
    this.status = status;
    this.deps = deps;
  }
  target;
  status;
  deps;
  timer = null;
  abort = null;
  inFlight = null;
  stopped = false;
  nextAtMs = 0;
  staleness = new StalenessTracker();
  exemplars = new ExemplarDeduper();
  /** Report series last written (for end-of-run staleness). */
  reportSeries = [];
  now() {
    return (this.deps.now ?? Date.now)();
  }
  /** Schedules the first scrape at a random offset within the interval. */
  start() {
    const interval = this.target.job.scrapeIntervalMs;
    const offset = Math.floor((this.deps.random ?? Math.random)() * interval);
    this.nextAtMs = this.now() + offset;
    this.schedule();
  }
  /** Same target, possibly new settings (interval, timeout, limits). */
  update(target) {
    const intervalChanged = target.job.scrapeIntervalMs !== this.target.job.scrapeIntervalMs;
    this.target = target;
    this.status.scrapeIntervalMs = target.job.scrapeIntervalMs;
    this.status.scrapeTimeoutMs = target.job.scrapeTimeoutMs;
    this.status.discoveredLabels = target.discoveredLabels;
    if (intervalChanged && !this.stopped && this.timer) {
      clearTimeout(this.timer);
      this.nextAtMs = Math.min(this.nextAtMs, this.now() + target.job.scrapeIntervalMs);
      this.schedule();
    }
  }
  schedule() {
    if (this.stopped) return;
    const delay = Math.max(0, this.nextAtMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.inFlight = this.runScheduled().finally(() => {
        this.inFlight = null;
      });
    }, delay);
    this.timer.unref?.();
  }
  async runScheduled() {
    try {
      await this.scrapeOnce();
    } catch (err) {
      this.deps.log?.(`scrape ${this.target.scrapeUrl}: ${describeFetchError(err)}`);
    }
    const interval = this.target.job.scrapeIntervalMs;
    const now = this.now();
    this.nextAtMs += interval;
    if (this.nextAtMs <= now) this.nextAtMs += Math.ceil((now - this.nextAtMs + 1) / interval) * interval;
    this.schedule();
  }
  /** One scrape: fetch, parse, process, write. Resolves after the write is committed (or failed). */
  async scrapeOnce() {
    if (this.stopped) return;
    const target = this.target;
    const startMs = this.now();
    const started = performance.now();
    this.abort = new AbortController();
    let samples = [];
    let error = null;
    let samplesScraped = 0;
    try {
      const { text: text7, contentType } = await fetchExposition(target.scrapeUrl, {
        timeoutMs: target.job.scrapeTimeoutMs,
        bodySizeLimitBytes: target.job.bodySizeLimitBytes,
        signal: this.abort.signal,
        fetchImpl: this.deps.fetch
      });
      if (this.stopped) return;
      const processed = processScrape(parseExposition(text7, formatFromContentType(contentType)), settingsOf(target, this.deps.normalizeFloatLabels ?? true), startMs);
      samples = processed.samples;
      samplesScraped = processed.samplesScraped;
    } catch (err) {
      if (this.stopped) return;
      error = err instanceof Error ? err.message : String(err);
      if (err instanceof ScrapeLimitError) samplesScraped = err.samplesScraped;
    } finally {
      this.abort = null;
    }
    const durationSeconds = (performance.now() - started) / 1e3;
    const rows = [];
    let seriesAdded = 0;
    let stale;
    if (error === null) {
      const tracked = this.staleness.next(samples);
      stale = tracked.stale;
      seriesAdded = tracked.added;
      const fresh = this.exemplars.fresh(samples);
      for (const s of samples) {
        const exemplar = fresh.get(s.key);
        rows.push({ series: s.series, timeUnixNano: toNs(s.timeMs), value: s.value, stale: false, exemplar: exemplar ? toExemplarRow(exemplar, s.timeMs) : null });
      }
    } else {
      stale = this.staleness.dropAll();
      this.exemplars.reset();
    }
    const startNs = toNs(startMs);
    for (const series of stale) rows.push({ series, timeUnixNano: startNs, value: NaN, stale: true, exemplar: null });
    const report = reportSamples(target.labels, {
      up: error === null ? 1 : 0,
      durationSeconds,
      samplesScraped,
      samplesPostMetricRelabeling: error === null ? samples.length : 0,
      seriesAdded
    }, startMs);
    this.reportSeries = report.map((r) => r.series);
    for (const r of report) rows.push({ series: r.series, timeUnixNano: startNs, value: r.value, stale: false, exemplar: null });
    Object.assign(this.status, {
      lastScrapeMs: startMs,
      lastScrapeDurationSeconds: durationSeconds,
      lastSamplesScraped: samplesScraped,
      health: error === null ? "up" : "down",
      lastError: error ?? ""
    });
    try {
      await this.write(rows);
    } catch (err) {
      if (!this.stopped) Object.assign(this.status, { health: "down", lastError: `samples not stored: ${describeFetchError(err)}` });
    }
  }
  write(samples) {
    if (samples.length === 0) return Promise.resolve();
    const group = { ...targetIdentity(this.target), samples };
    return this.deps.store({ promSamples: [group] });
  }
  /**
   * Stops the loop. With `staleness` (target removed), every series it wrote — report series included —
   * gets a staleness marker now. Resolves once a scrape in flight has ended.
   */
  async stop(options) {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    if (!options.staleness) return;
    await this.inFlight?.catch(() => void 0);
    const series = [...this.staleness.dropAll(), ...this.reportSeries];
    if (series.length === 0) return;
    const t = toNs(Math.max(this.now(), (this.status.lastScrapeMs ?? 0) + 1));
    await this.write(series.map((s) => ({ series: s, timeUnixNano: t, value: NaN, stale: true, exemplar: null }))).catch((err) => {
      this.deps.log?.(`scrape ${this.target.scrapeUrl}: staleness markers not stored: ${describeFetchError(err)}`);
    });
  }
};
var ScrapeManager = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  loops = /* @__PURE__ */ new Map();
  /** Starts new targets, updates kept ones, stops (with staleness markers) removed ones. */
  apply(targets) {
    const state2 = scrapeState();
    const next2 = new Map(targets.map((t) => [t.key, t]));
    for (const [key, loop] of this.loops) {
      if (next2.has(key)) continue;
      this.loops.delete(key);
      state2.targets.delete(key);
      void loop.stop({ staleness: true });
    }
    for (const target of targets) {
      const running = this.loops.get(target.key);
      if (running) {
        running.update(target);
        continue;
      }
      const status = newTargetStatus(target);
      state2.targets.set(target.key, status);
      const loop = new TargetLoop(target, status, this.deps);
      this.loops.set(target.key, loop);
      loop.start();
    }
  }
  /** The loop of a target (tests drive scrapes by hand). */
  loop(key) {
    return this.loops.get(key);
  }
  /** Shutdown: stops every loop without staleness markers. */
  stop() {
    for (const loop of this.loops.values()) void loop.stop({ staleness: false });
    this.loops.clear();
  }
};

// server/jobs/scrape-job.ts
var KEY7 = /* @__PURE__ */ Symbol.for("sightline.scrapeJob");
function startScrapeJob() {
  const holder = globalThis;
  if (holder[KEY7]) return;
  const configPath = import_node_path4.default.resolve(serverEnv().SIGHTLINE_CONFIG);
  const manager = new ScrapeManager({
    store: storeBatch,
    normalizeFloatLabels: serverEnv().SIGHTLINE_PROMETHEUS_COMPAT === "3",
    log: (message) => console.warn(`[sightline] ${message}`)
  });
  const watcher = new ScrapeConfigWatcher({
    path: configPath,
    onConfig: (loaded) => {
      recordConfigLoaded(configPath, loaded.found, loaded.config.jobs.map((j) => j.jobName), Date.now());
      manager.apply(loaded.targets);
      if (loaded.found) {
        console.log(`[sightline] scrape config ${configPath}: ${loaded.config.jobs.length} job(s), ${loaded.targets.length} target(s)`);
      }
    },
    onError: (err) => {
      recordConfigError(configPath, err.message, Date.now());
      console.error(`[sightline] scrape config ${configPath} not applied (the previous one stays in force): ${err.message}`);
    }
  });
  holder[KEY7] = { watcher, manager, stopped: false };
  watcher.start();
}
function stopScrapeJob() {
  const state2 = globalThis[KEY7];
  if (!state2 || state2.stopped) return;
  state2.stopped = true;
  try {
    state2.watcher.stop();
    state2.manager.stop();
  } catch (err) {
    console.error("[sightline] scrape: stop failed", err);
  }
}

// server/jobs/dashboards-job.ts
var import_node_path6 = __toESM(require("node:path"));

// server/provisioning/dashboards.ts
var import_node_fs4 = __toESM(require("node:fs"));
var import_node_path5 = __toESM(require("node:path"));

// lib/dashboards/model.ts
var import_zod3 = require("zod");
var SCHEMA_VERSION = 1;
var GRID_COLUMNS = 12;
var PANEL_TYPES = ["timeseries", "stat", "bargauge", "table", "logs", "traces"];
var REFRESH_OPTIONS = ["off", "5s", "10s", "30s", "1m"];
var UID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
var VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
var variableSchema = import_zod3.z.object({
  name: import_zod3.z.string().regex(VARIABLE_NAME, "a variable name is letters, digits and _, not starting with a digit"),
  label: import_zod3.z.string().max(100).optional(),
  type: import_zod3.z.enum(["query", "custom"]),
  /** For `query`: `label_values(metric, label)` or `label_values(label)`. */
  query: import_zod3.z.string().max(2e3).optional(),
  /** For `custom`: the fixed values. */
  options: import_zod3.z.array(import_zod3.z.string().max(500)).max(500).optional(),
  multi: import_zod3.z.boolean().default(false),
  includeAll: import_zod3.z.boolean().optional()
}).superRefine((v, ctx) => {
  if (v.type === "query" && !v.query) ctx.addIssue({ code: "custom", path: ["query"], message: "a query variable needs label_values(metric, label)" });
  if (v.type === "custom" && !v.options?.length) ctx.addIssue({ code: "custom", path: ["options"], message: "a custom variable needs options" });
});
var gridPosSchema = import_zod3.z.object({
  x: import_zod3.z.number().int().min(0).max(GRID_COLUMNS - 1),
  y: import_zod3.z.number().int().min(0).max(1e3),
  w: import_zod3.z.number().int().min(1).max(GRID_COLUMNS),
  h: import_zod3.z.number().int().min(1).max(40)
}).refine((g) => g.x + g.w <= GRID_COLUMNS, { message: `x + w must be at most ${GRID_COLUMNS}` });
var targetSchema2 = import_zod3.z.object({
  expr: import_zod3.z.string().min(1).max(1e4),
  /** Legend template: `{{label}}` is replaced by the series' label value. */
  legend: import_zod3.z.string().max(500).optional()
});
var searchSchema = import_zod3.z.object({
  service: import_zod3.z.string().max(256).optional(),
  severity: import_zod3.z.string().max(32).optional(),
  query: import_zod3.z.string().max(1e3).optional(),
  operation: import_zod3.z.string().max(1024).optional(),
  minDuration: import_zod3.z.string().max(32).optional(),
  errorsOnly: import_zod3.z.boolean().optional(),
  sort: import_zod3.z.enum(["newest", "slowest", "errors"]).optional(),
  limit: import_zod3.z.number().int().min(1).max(200).optional()
});
var thresholdSchema = import_zod3.z.object({ value: import_zod3.z.number(), color: import_zod3.z.string().max(32) });
var optionsSchema = import_zod3.z.object({
  unit: import_zod3.z.enum(["auto", "seconds", "milliseconds", "bytes", "bytesPerSecond", "ratio", "percent", "none"]).default("auto"),
  stacked: import_zod3.z.boolean().default(false),
  thresholds: import_zod3.z.array(thresholdSchema).max(20).default([]),
  /** Draw exemplar markers (time series only). */
  exemplars: import_zod3.z.boolean().default(true)
});
var panelSchema = import_zod3.z.object({
  id: import_zod3.z.number().int().min(1),
  type: import_zod3.z.enum(PANEL_TYPES),
  title: import_zod3.z.string().max(200),
  description: import_zod3.z.string().max(2e3).optional(),
  gridPos: gridPosSchema,
  targets: import_zod3.z.array(targetSchema2).max(10).default([]),
  search: searchSchema.optional(),
  options: optionsSchema.default({ unit: "auto", stacked: false, thresholds: [], exemplars: true })
}).superRefine((p, ctx) => {
  const searches = p.type === "logs" || p.type === "traces";
  if (!searches && p.targets.length === 0) ctx.addIssue({ code: "custom", path: ["targets"], message: `a ${p.type} panel needs at least one query` });
});
var dashboardModelSchema = import_zod3.z.object({
  schemaVersion: import_zod3.z.literal(SCHEMA_VERSION),
  uid: import_zod3.z.string().regex(UID_PATTERN, "uid: 1\u201364 letters, digits, - or _"),
  title: import_zod3.z.string().trim().min(1).max(200),
  description: import_zod3.z.string().max(2e3).optional(),
  tags: import_zod3.z.array(import_zod3.z.string().max(64)).max(50).default([]),
  variables: import_zod3.z.array(variableSchema).max(20).default([]),
  panels: import_zod3.z.array(panelSchema).max(100).default([]),
  time: import_zod3.z.object({ from: import_zod3.z.string().max(32), to: import_zod3.z.string().max(32) }).optional(),
  refresh: import_zod3.z.enum(REFRESH_OPTIONS).optional()
}).superRefine((d, ctx) => {
  const ids = /* @__PURE__ */ new Set();
  d.panels.forEach((p, i) => {
    if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["panels", i, "id"], message: `panel id ${p.id} is used twice` });
    ids.add(p.id);
  });
  const names = /* @__PURE__ */ new Set();
  d.variables.forEach((v, i) => {
    if (names.has(v.name)) ctx.addIssue({ code: "custom", path: ["variables", i, "name"], message: `variable ${v.name} is defined twice` });
    names.add(v.name);
  });
});
function describeIssues(error) {
  return error.issues.map((i) => i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message).join("; ");
}
function parseDashboardModel(value) {
  const parsed = dashboardModelSchema.safeParse(value);
  return parsed.success ? { ok: true, model: parsed.data } : { ok: false, message: describeIssues(parsed.error) };
}
function parseDashboardJson(text7) {
  let value;
  try {
    value = JSON.parse(text7);
  } catch (e) {
    return { ok: false, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return parseDashboardModel(value);
}

// server/store/dashboards.ts
var COLUMNS = "uid, title, model, version, provisioned, source_path, created_at_ms, updated_at_ms";
function toRow(r) {
  return {
    uid: r.uid,
    title: r.title,
    modelJson: r.model,
    version: r.version,
    provisioned: r.provisioned === 1,
    sourcePath: r.source_path,
    createdAtMs: r.created_at_ms,
    updatedAtMs: r.updated_at_ms
  };
}
function findDashboardRow(uid) {
  const row = getSqlite().prepare(`SELECT ${COLUMNS} FROM dashboards WHERE uid = ?`).get(uid);
  return row ? toRow(row) : null;
}
function insertDashboardRow(d) {
  const info = getSqlite().prepare(
    `INSERT INTO dashboards (uid, title, model, version, provisioned, source_path, created_at_ms, updated_at_ms)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING`
  ).run(d.uid, d.title, d.modelJson, d.provisioned ? 1 : 0, d.sourcePath ?? null, d.nowMs, d.nowMs);
  return info.changes === 1;
}
function deleteDashboardRow(uid) {
  return getSqlite().prepare("DELETE FROM dashboards WHERE uid = ?").run(uid).changes === 1;
}
function upsertProvisionedDashboardRow(uid, title, modelJson, sourcePath, nowMs) {
  const sqlite = getSqlite();
  return sqlite.transaction(() => {
    const existing = findDashboardRow(uid);
    if (!existing) {
      insertDashboardRow({ uid, title, modelJson, provisioned: true, sourcePath, nowMs });
      return "created";
    }
    if (!existing.provisioned) return "uid-taken";
    if (existing.modelJson === modelJson && existing.title === title && existing.sourcePath === sourcePath) return "unchanged";
    sqlite.prepare(
      "UPDATE dashboards SET title = ?, model = ?, source_path = ?, version = version + 1, updated_at_ms = ? WHERE uid = ?"
    ).run(title, modelJson, sourcePath, nowMs, uid);
    return "updated";
  })();
}
function deleteProvisionedDashboardsExcept(keptPaths) {
  const sqlite = getSqlite();
  const rows = sqlite.prepare("SELECT uid, source_path AS path FROM dashboards WHERE provisioned = 1").all();
  const kept = new Set(keptPaths);
  let removed = 0;
  for (const r of rows) if (!r.path || !kept.has(r.path)) removed += deleteDashboardRow(r.uid) ? 1 : 0;
  return removed;
}

// server/provisioning/dashboards.ts
var KEY8 = /* @__PURE__ */ Symbol.for("sightline.dashboardProvisioningProblems");
function jsonFiles(dir) {
  let names;
  try {
    names = import_node_fs4.default.readdirSync(dir);
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
  return names.filter((n) => n.endsWith(".json")).sort().map((n) => import_node_path5.default.join(dir, n));
}
function dashboardsDirSignature(dir) {
  return jsonFiles(dir).map((file) => {
    try {
      const st = import_node_fs4.default.statSync(file);
      return `${file}:${st.size}:${st.mtimeMs}`;
    } catch {
      return `${file}:gone`;
    }
  }).join("\n");
}
function provisionDashboards(dir, nowMs = Date.now()) {
  const report = { loaded: [], problems: [], removed: 0 };
  const kept = [];
  const uidsSeen = /* @__PURE__ */ new Map();
  for (const file of jsonFiles(dir)) {
    kept.push(file);
    let text7;
    try {
      text7 = import_node_fs4.default.readFileSync(file, "utf8");
    } catch (err) {
      report.problems.push({ path: file, message: `cannot read: ${err.message}` });
      continue;
    }
    const parsed = parseDashboardJson(text7);
    if (!parsed.ok) {
      report.problems.push({ path: file, message: parsed.message });
      continue;
    }
    const { model } = parsed;
    const other = uidsSeen.get(model.uid);
    if (other) {
      report.problems.push({ path: file, message: `uid "${model.uid}" is already provisioned by ${other}` });
      continue;
    }
    uidsSeen.set(model.uid, file);
    const outcome = upsertProvisionedDashboardRow(model.uid, model.title, JSON.stringify(model), file, nowMs);
    if (outcome === "uid-taken") {
      report.problems.push({ path: file, message: `uid "${model.uid}" belongs to a dashboard created in the console; not overwritten` });
      continue;
    }
    report.loaded.push({ uid: model.uid, path: file, outcome });
  }
  report.removed = deleteProvisionedDashboardsExcept(kept);
  globalThis[KEY8] = report.problems;
  return report;
}

// server/jobs/dashboards-job.ts
var POLL_MS = 2e3;
var KEY9 = /* @__PURE__ */ Symbol.for("sightline.dashboardsJob");
function loadOnce(dir) {
  try {
    const report = provisionDashboards(dir);
    const changed = report.loaded.filter((l) => l.outcome !== "unchanged");
    if (changed.length || report.removed) {
      console.log(`[sightline] dashboards ${dir}: ${changed.map((l) => `${l.uid} ${l.outcome}`).join(", ") || "none changed"}${report.removed ? `, ${report.removed} removed` : ""}`);
    }
    for (const p of report.problems) console.error(`[sightline] dashboard file ${p.path} not loaded: ${p.message}`);
  } catch (err) {
    console.error(`[sightline] dashboards ${dir}: provisioning failed`, err);
  }
}
function startDashboardsJob() {
  const holder = globalThis;
  if (holder[KEY9]) return;
  const dir = import_node_path6.default.resolve(serverEnv().SIGHTLINE_DASHBOARDS_DIR);
  let signature = dashboardsDirSignature(dir);
  loadOnce(dir);
  const timer = setInterval(() => {
    let next2;
    try {
      next2 = dashboardsDirSignature(dir);
    } catch (err) {
      console.error(`[sightline] dashboards ${dir}: cannot list`, err);
      return;
    }
    if (next2 === signature) return;
    signature = next2;
    loadOnce(dir);
  }, POLL_MS);
  timer.unref();
  holder[KEY9] = { timer };
}
function stopDashboardsJob() {
  const holder = globalThis;
  if (holder[KEY9]) clearInterval(holder[KEY9].timer);
  delete holder[KEY9];
}

// server/jobs/lifecycle.ts
var KEY10 = /* @__PURE__ */ Symbol.for("sightline.lifecycleStarted");
function startServerLifecycle() {
  const holder = globalThis;
  if (holder[KEY10]) return;
  holder[KEY10] = true;
  getDb();
  startSpanMetricsJob();
  startScrapeJob();
  startDashboardsJob();
  const closeAll = () => {
    stopDashboardsJob();
    stopScrapeJob();
    stopSpanMetricsJob();
    flushAndClose();
  };
  const shutdown = (signal) => {
    try {
      closeAll();
    } finally {
      console.log(`[sightline] ${signal}: pending writes flushed, exiting`);
      process.exit(0);
    }
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  process.once("exit", closeAll);
}

// server/main.ts
var OTLP_PATHS = { "/v1/traces": "traces", "/v1/logs": "logs", "/v1/metrics": "metrics" };
async function main() {
  const { PORT } = serverEnv();
  const hostname = process.env.HOSTNAME ?? "0.0.0.0";
  const app = (0, import_next.default)({ dev: false, dir: process.cwd(), hostname, port: PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  startServerLifecycle();
  startDecodeWorker(import_node_path7.default.join(__dirname, "decode-worker.cjs"));
  const server = import_node_http.default.createServer((req2, res) => {
    const path8 = (req2.url ?? "/").split("?", 1)[0];
    const signal = req2.method === "POST" ? OTLP_PATHS[path8] : void 0;
    if (signal) {
      receiveOtlpNode(signal, req2, res).catch((err) => {
        console.error("[sightline] OTLP request failed", err);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    handle(req2, res).catch((err) => {
      console.error("[sightline] request failed", err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 65e3;
  server.listen(PORT, hostname, () => console.log(`[sightline] listening on http://${hostname}:${PORT}`));
}
main().catch((err) => {
  console.error("[sightline] failed to start", err);
  process.exit(1);
});
