"use strict";
var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// actions/report/src/action.ts
var import_node_fs = require("node:fs");
var import_node_os = require("node:os");
var import_node_path12 = require("node:path");

// node_modules/zod/v4/classic/external.js
var external_exports = {};
__export(external_exports, {
  $brand: () => $brand,
  $input: () => $input,
  $output: () => $output,
  INVALID: () => INVALID,
  NEVER: () => NEVER,
  TimePrecision: () => TimePrecision,
  ZodAny: () => ZodAny,
  ZodArray: () => ZodArray,
  ZodBase64: () => ZodBase64,
  ZodBase64URL: () => ZodBase64URL,
  ZodBigInt: () => ZodBigInt,
  ZodBigIntFormat: () => ZodBigIntFormat,
  ZodBoolean: () => ZodBoolean,
  ZodCIDRv4: () => ZodCIDRv4,
  ZodCIDRv6: () => ZodCIDRv6,
  ZodCUID: () => ZodCUID,
  ZodCUID2: () => ZodCUID2,
  ZodCatch: () => ZodCatch,
  ZodCodec: () => ZodCodec,
  ZodCompileAsyncError: () => ZodCompileAsyncError,
  ZodCompileUnsupportedError: () => ZodCompileUnsupportedError,
  ZodCreditCard: () => ZodCreditCard,
  ZodCustom: () => ZodCustom,
  ZodCustomStringFormat: () => ZodCustomStringFormat,
  ZodDate: () => ZodDate,
  ZodDefault: () => ZodDefault,
  ZodDiscriminatedUnion: () => ZodDiscriminatedUnion,
  ZodE164: () => ZodE164,
  ZodEmail: () => ZodEmail,
  ZodEmoji: () => ZodEmoji,
  ZodEnum: () => ZodEnum,
  ZodError: () => ZodError,
  ZodExactOptional: () => ZodExactOptional,
  ZodFile: () => ZodFile,
  ZodFirstPartyTypeKind: () => ZodFirstPartyTypeKind,
  ZodFunction: () => ZodFunction,
  ZodGUID: () => ZodGUID,
  ZodIBAN: () => ZodIBAN,
  ZodIPv4: () => ZodIPv4,
  ZodIPv6: () => ZodIPv6,
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  ZodInstanceOf: () => ZodInstanceOf,
  ZodIntersection: () => ZodIntersection,
  ZodIssueCode: () => ZodIssueCode,
  ZodJWT: () => ZodJWT,
  ZodKSUID: () => ZodKSUID,
  ZodLazy: () => ZodLazy,
  ZodLiteral: () => ZodLiteral,
  ZodMAC: () => ZodMAC,
  ZodMap: () => ZodMap,
  ZodNaN: () => ZodNaN,
  ZodNanoID: () => ZodNanoID,
  ZodNever: () => ZodNever,
  ZodNonOptional: () => ZodNonOptional,
  ZodNull: () => ZodNull,
  ZodNullable: () => ZodNullable,
  ZodNumber: () => ZodNumber,
  ZodNumberFormat: () => ZodNumberFormat,
  ZodObject: () => ZodObject,
  ZodOptional: () => ZodOptional,
  ZodPipe: () => ZodPipe,
  ZodPrefault: () => ZodPrefault,
  ZodPreprocess: () => ZodPreprocess,
  ZodPromise: () => ZodPromise,
  ZodReadonly: () => ZodReadonly,
  ZodRealError: () => ZodRealError,
  ZodRecord: () => ZodRecord,
  ZodSet: () => ZodSet,
  ZodString: () => ZodString,
  ZodStringFormat: () => ZodStringFormat,
  ZodSuccess: () => ZodSuccess,
  ZodSymbol: () => ZodSymbol,
  ZodTemplateLiteral: () => ZodTemplateLiteral,
  ZodTransform: () => ZodTransform,
  ZodTuple: () => ZodTuple,
  ZodType: () => ZodType,
  ZodULID: () => ZodULID,
  ZodURL: () => ZodURL,
  ZodUUID: () => ZodUUID,
  ZodUndefined: () => ZodUndefined,
  ZodUnion: () => ZodUnion,
  ZodUnknown: () => ZodUnknown,
  ZodVoid: () => ZodVoid,
  ZodXID: () => ZodXID,
  ZodXor: () => ZodXor,
  _ZodString: () => _ZodString,
  _default: () => _default2,
  _function: () => _function,
  any: () => any,
  array: () => array,
  base64: () => base642,
  base64url: () => base64url2,
  bigint: () => bigint2,
  boolean: () => boolean2,
  catch: () => _catch2,
  check: () => check,
  cidrv4: () => cidrv42,
  cidrv6: () => cidrv62,
  clone: () => clone,
  codec: () => codec,
  coerce: () => coerce_exports,
  compile: () => compile,
  config: () => config,
  core: () => core_exports2,
  creditCard: () => creditCard2,
  cuid: () => cuid3,
  cuid2: () => cuid22,
  currencyCode: () => currencyCode2,
  custom: () => custom,
  date: () => date2,
  decode: () => decode2,
  decodeAsync: () => decodeAsync2,
  deepPartial: () => deepPartial,
  describe: () => describe2,
  discriminatedUnion: () => discriminatedUnion,
  e164: () => e1642,
  email: () => email2,
  emoji: () => emoji2,
  encode: () => encode2,
  encodeAsync: () => encodeAsync2,
  endsWith: () => _endsWith,
  enum: () => _enum2,
  exactOptional: () => exactOptional,
  file: () => file,
  flattenError: () => flattenError,
  float32: () => float32,
  float64: () => float64,
  formatError: () => formatError,
  fromJSONSchema: () => fromJSONSchema,
  function: () => _function,
  getDiscriminatedOption: () => getDiscriminatedOption,
  getErrorMap: () => getErrorMap,
  globalRegistry: () => globalRegistry,
  gt: () => _gt,
  gte: () => _gte,
  guid: () => guid2,
  hash: () => hash,
  hex: () => hex2,
  hostname: () => hostname2,
  httpUrl: () => httpUrl,
  iban: () => iban2,
  includes: () => _includes,
  input: () => input,
  instanceof: () => _instanceof,
  int: () => int,
  int32: () => int32,
  int64: () => int64,
  intersection: () => intersection,
  invertCodec: () => invertCodec,
  ipv4: () => ipv42,
  ipv6: () => ipv62,
  iso: () => iso_exports,
  json: () => json,
  jwt: () => jwt,
  keyof: () => keyof,
  ksuid: () => ksuid2,
  lazy: () => lazy,
  length: () => _length,
  literal: () => literal,
  locales: () => locales_exports,
  looseObject: () => looseObject,
  looseRecord: () => looseRecord,
  lowercase: () => _lowercase,
  lt: () => _lt,
  lte: () => _lte,
  mac: () => mac2,
  map: () => map,
  maxLength: () => _maxLength,
  maxSize: () => _maxSize,
  memoizer: () => memoizer,
  meta: () => meta2,
  mime: () => _mime,
  minLength: () => _minLength,
  minSize: () => _minSize,
  multipleOf: () => _multipleOf,
  nan: () => nan,
  nanoid: () => nanoid2,
  nativeEnum: () => nativeEnum,
  negative: () => _negative,
  never: () => never,
  nonnegative: () => _nonnegative,
  nonoptional: () => nonoptional,
  nonpositive: () => _nonpositive,
  normalize: () => _normalize,
  null: () => _null3,
  nullable: () => nullable,
  nullish: () => nullish2,
  number: () => number2,
  object: () => object,
  optional: () => optional,
  output: () => output,
  overwrite: () => _overwrite,
  parse: () => parse2,
  parseAsync: () => parseAsync2,
  partialRecord: () => partialRecord,
  pipe: () => pipe,
  positive: () => _positive,
  prefault: () => prefault,
  preprocess: () => preprocess,
  prettifyError: () => prettifyError,
  promise: () => promise,
  properties: () => _properties,
  property: () => _property,
  readonly: () => readonly,
  record: () => record,
  refine: () => refine,
  regex: () => _regex,
  regexes: () => regexes_exports,
  registry: () => registry,
  safeDecode: () => safeDecode2,
  safeDecodeAsync: () => safeDecodeAsync2,
  safeEncode: () => safeEncode2,
  safeEncodeAsync: () => safeEncodeAsync2,
  safeParse: () => safeParse2,
  safeParseAsync: () => safeParseAsync2,
  set: () => set,
  setErrorMap: () => setErrorMap,
  size: () => _size,
  slugify: () => _slugify,
  startsWith: () => _startsWith,
  strictObject: () => strictObject,
  string: () => string2,
  stringFormat: () => stringFormat,
  stringbool: () => stringbool,
  success: () => success,
  superRefine: () => superRefine,
  symbol: () => symbol,
  templateLiteral: () => templateLiteral,
  toJSONSchema: () => toJSONSchema,
  toLowerCase: () => _toLowerCase,
  toUpperCase: () => _toUpperCase,
  toZod: () => toZod,
  transform: () => transform,
  treeifyError: () => treeifyError,
  trim: () => _trim,
  tuple: () => tuple,
  uint32: () => uint32,
  uint64: () => uint64,
  ulid: () => ulid2,
  undefined: () => _undefined3,
  union: () => union,
  unknown: () => unknown,
  uppercase: () => _uppercase,
  url: () => url,
  util: () => util_exports,
  uuid: () => uuid2,
  uuidv4: () => uuidv4,
  uuidv6: () => uuidv6,
  uuidv7: () => uuidv7,
  validate: () => validate,
  validateAsync: () => validateAsync,
  void: () => _void2,
  withParser: () => withParser,
  xid: () => xid2,
  xor: () => xor
});

// node_modules/zod/v4/core/index.js
var core_exports2 = {};
__export(core_exports2, {
  $ZodAny: () => $ZodAny,
  $ZodArray: () => $ZodArray,
  $ZodAsyncError: () => $ZodAsyncError,
  $ZodBase64: () => $ZodBase64,
  $ZodBase64URL: () => $ZodBase64URL,
  $ZodBigInt: () => $ZodBigInt,
  $ZodBigIntFormat: () => $ZodBigIntFormat,
  $ZodBoolean: () => $ZodBoolean,
  $ZodCIDRv4: () => $ZodCIDRv4,
  $ZodCIDRv6: () => $ZodCIDRv6,
  $ZodCUID: () => $ZodCUID,
  $ZodCUID2: () => $ZodCUID2,
  $ZodCatch: () => $ZodCatch,
  $ZodCheck: () => $ZodCheck,
  $ZodCheckBigIntFormat: () => $ZodCheckBigIntFormat,
  $ZodCheckEndsWith: () => $ZodCheckEndsWith,
  $ZodCheckGreaterThan: () => $ZodCheckGreaterThan,
  $ZodCheckIncludes: () => $ZodCheckIncludes,
  $ZodCheckLengthEquals: () => $ZodCheckLengthEquals,
  $ZodCheckLessThan: () => $ZodCheckLessThan,
  $ZodCheckLowerCase: () => $ZodCheckLowerCase,
  $ZodCheckMaxLength: () => $ZodCheckMaxLength,
  $ZodCheckMaxSize: () => $ZodCheckMaxSize,
  $ZodCheckMimeType: () => $ZodCheckMimeType,
  $ZodCheckMinLength: () => $ZodCheckMinLength,
  $ZodCheckMinSize: () => $ZodCheckMinSize,
  $ZodCheckMultipleOf: () => $ZodCheckMultipleOf,
  $ZodCheckNumberFormat: () => $ZodCheckNumberFormat,
  $ZodCheckOverwrite: () => $ZodCheckOverwrite,
  $ZodCheckProperties: () => $ZodCheckProperties,
  $ZodCheckProperty: () => $ZodCheckProperty,
  $ZodCheckRegex: () => $ZodCheckRegex,
  $ZodCheckSizeEquals: () => $ZodCheckSizeEquals,
  $ZodCheckStartsWith: () => $ZodCheckStartsWith,
  $ZodCheckStringFormat: () => $ZodCheckStringFormat,
  $ZodCheckUpperCase: () => $ZodCheckUpperCase,
  $ZodCodec: () => $ZodCodec,
  $ZodCreditCard: () => $ZodCreditCard,
  $ZodCustom: () => $ZodCustom,
  $ZodCustomStringFormat: () => $ZodCustomStringFormat,
  $ZodCyclicError: () => $ZodCyclicError,
  $ZodDate: () => $ZodDate,
  $ZodDefault: () => $ZodDefault,
  $ZodDiscriminatedUnion: () => $ZodDiscriminatedUnion,
  $ZodE164: () => $ZodE164,
  $ZodEmail: () => $ZodEmail,
  $ZodEmoji: () => $ZodEmoji,
  $ZodEncodeError: () => $ZodEncodeError,
  $ZodEnum: () => $ZodEnum,
  $ZodError: () => $ZodError,
  $ZodExactOptional: () => $ZodExactOptional,
  $ZodFile: () => $ZodFile,
  $ZodFunction: () => $ZodFunction,
  $ZodGUID: () => $ZodGUID,
  $ZodIBAN: () => $ZodIBAN,
  $ZodIPv4: () => $ZodIPv4,
  $ZodIPv6: () => $ZodIPv6,
  $ZodISODate: () => $ZodISODate,
  $ZodISODateTime: () => $ZodISODateTime,
  $ZodISODuration: () => $ZodISODuration,
  $ZodISOTime: () => $ZodISOTime,
  $ZodIntersection: () => $ZodIntersection,
  $ZodJWT: () => $ZodJWT,
  $ZodKSUID: () => $ZodKSUID,
  $ZodLazy: () => $ZodLazy,
  $ZodLiteral: () => $ZodLiteral,
  $ZodMAC: () => $ZodMAC,
  $ZodMap: () => $ZodMap,
  $ZodNaN: () => $ZodNaN,
  $ZodNanoID: () => $ZodNanoID,
  $ZodNever: () => $ZodNever,
  $ZodNonOptional: () => $ZodNonOptional,
  $ZodNull: () => $ZodNull,
  $ZodNullable: () => $ZodNullable,
  $ZodNumber: () => $ZodNumber,
  $ZodNumberFormat: () => $ZodNumberFormat,
  $ZodObject: () => $ZodObject,
  $ZodObjectJIT: () => $ZodObjectJIT,
  $ZodOptional: () => $ZodOptional,
  $ZodPipe: () => $ZodPipe,
  $ZodPrefault: () => $ZodPrefault,
  $ZodPreprocess: () => $ZodPreprocess,
  $ZodPromise: () => $ZodPromise,
  $ZodReadonly: () => $ZodReadonly,
  $ZodRealError: () => $ZodRealError,
  $ZodRecord: () => $ZodRecord,
  $ZodRegistry: () => $ZodRegistry,
  $ZodSet: () => $ZodSet,
  $ZodString: () => $ZodString,
  $ZodStringFormat: () => $ZodStringFormat,
  $ZodSuccess: () => $ZodSuccess,
  $ZodSymbol: () => $ZodSymbol,
  $ZodTemplateLiteral: () => $ZodTemplateLiteral,
  $ZodTransform: () => $ZodTransform,
  $ZodTuple: () => $ZodTuple,
  $ZodType: () => $ZodType,
  $ZodULID: () => $ZodULID,
  $ZodURL: () => $ZodURL,
  $ZodUUID: () => $ZodUUID,
  $ZodUndefined: () => $ZodUndefined,
  $ZodUnion: () => $ZodUnion,
  $ZodUnknown: () => $ZodUnknown,
  $ZodVoid: () => $ZodVoid,
  $ZodXID: () => $ZodXID,
  $ZodXor: () => $ZodXor,
  $brand: () => $brand,
  $constructor: () => $constructor,
  $input: () => $input,
  $output: () => $output,
  Doc: () => Doc,
  INVALID: () => INVALID,
  JSONSchema: () => json_schema_exports,
  JSONSchemaGenerator: () => JSONSchemaGenerator,
  NEVER: () => NEVER,
  TimePrecision: () => TimePrecision,
  URL_BAD_FORMAT: () => URL_BAD_FORMAT,
  URL_UNPARSEABLE: () => URL_UNPARSEABLE,
  ZodCompileAsyncError: () => ZodCompileAsyncError,
  ZodCompileUnsupportedError: () => ZodCompileUnsupportedError,
  _any: () => _any,
  _array: () => _array,
  _base64: () => _base64,
  _base64url: () => _base64url,
  _bigint: () => _bigint,
  _boolean: () => _boolean,
  _catch: () => _catch,
  _check: () => _check,
  _cidrv4: () => _cidrv4,
  _cidrv6: () => _cidrv6,
  _coercedBigint: () => _coercedBigint,
  _coercedBoolean: () => _coercedBoolean,
  _coercedDate: () => _coercedDate,
  _coercedNumber: () => _coercedNumber,
  _coercedString: () => _coercedString,
  _creditCard: () => _creditCard,
  _cuid: () => _cuid,
  _cuid2: () => _cuid2,
  _custom: () => _custom,
  _date: () => _date,
  _decode: () => _decode,
  _decodeAsync: () => _decodeAsync,
  _default: () => _default,
  _discriminatedUnion: () => _discriminatedUnion,
  _e164: () => _e164,
  _email: () => _email,
  _emoji: () => _emoji2,
  _encode: () => _encode,
  _encodeAsync: () => _encodeAsync,
  _endsWith: () => _endsWith,
  _enum: () => _enum,
  _file: () => _file,
  _float32: () => _float32,
  _float64: () => _float64,
  _gt: () => _gt,
  _gte: () => _gte,
  _guid: () => _guid,
  _iban: () => _iban,
  _includes: () => _includes,
  _int: () => _int,
  _int32: () => _int32,
  _int64: () => _int64,
  _intersection: () => _intersection,
  _ipv4: () => _ipv4,
  _ipv6: () => _ipv6,
  _isoDate: () => _isoDate,
  _isoDateTime: () => _isoDateTime,
  _isoDuration: () => _isoDuration,
  _isoTime: () => _isoTime,
  _jwt: () => _jwt,
  _ksuid: () => _ksuid,
  _lazy: () => _lazy,
  _length: () => _length,
  _literal: () => _literal,
  _lowercase: () => _lowercase,
  _lt: () => _lt,
  _lte: () => _lte,
  _mac: () => _mac,
  _map: () => _map,
  _max: () => _lte,
  _maxLength: () => _maxLength,
  _maxSize: () => _maxSize,
  _mime: () => _mime,
  _min: () => _gte,
  _minLength: () => _minLength,
  _minSize: () => _minSize,
  _multipleOf: () => _multipleOf,
  _nan: () => _nan,
  _nanoid: () => _nanoid,
  _nativeEnum: () => _nativeEnum,
  _negative: () => _negative,
  _never: () => _never,
  _nonnegative: () => _nonnegative,
  _nonoptional: () => _nonoptional,
  _nonpositive: () => _nonpositive,
  _normalize: () => _normalize,
  _null: () => _null2,
  _nullable: () => _nullable,
  _number: () => _number,
  _optional: () => _optional,
  _overwrite: () => _overwrite,
  _parse: () => _parse,
  _parseAsync: () => _parseAsync,
  _pipe: () => _pipe,
  _positive: () => _positive,
  _promise: () => _promise,
  _properties: () => _properties,
  _property: () => _property,
  _readonly: () => _readonly,
  _record: () => _record,
  _refine: () => _refine,
  _regex: () => _regex,
  _safeDecode: () => _safeDecode,
  _safeDecodeAsync: () => _safeDecodeAsync,
  _safeEncode: () => _safeEncode,
  _safeEncodeAsync: () => _safeEncodeAsync,
  _safeParse: () => _safeParse,
  _safeParseAsync: () => _safeParseAsync,
  _set: () => _set,
  _size: () => _size,
  _slugify: () => _slugify,
  _startsWith: () => _startsWith,
  _string: () => _string,
  _stringFormat: () => _stringFormat,
  _stringbool: () => _stringbool,
  _success: () => _success,
  _superRefine: () => _superRefine,
  _symbol: () => _symbol,
  _templateLiteral: () => _templateLiteral,
  _toLowerCase: () => _toLowerCase,
  _toUpperCase: () => _toUpperCase,
  _transform: () => _transform,
  _trim: () => _trim,
  _tuple: () => _tuple,
  _uint32: () => _uint32,
  _uint64: () => _uint64,
  _ulid: () => _ulid,
  _undefined: () => _undefined2,
  _union: () => _union,
  _unknown: () => _unknown,
  _uppercase: () => _uppercase,
  _url: () => _url,
  _uuid: () => _uuid,
  _uuidv4: () => _uuidv4,
  _uuidv6: () => _uuidv6,
  _uuidv7: () => _uuidv7,
  _void: () => _void,
  _xid: () => _xid,
  _xor: () => _xor,
  base64Charset: () => base64Charset,
  base64urlCharset: () => base64urlCharset,
  canParseURL: () => canParseURL,
  clone: () => clone,
  compile: () => compile,
  compileFn: () => compileFn,
  config: () => config,
  createStandardJSONSchemaMethod: () => createStandardJSONSchemaMethod,
  createToJSONSchemaMethod: () => createToJSONSchemaMethod,
  decode: () => decode,
  decodeAsync: () => decodeAsync,
  describe: () => describe,
  encode: () => encode,
  encodeAsync: () => encodeAsync,
  extractDefs: () => extractDefs,
  finalize: () => finalize,
  flattenError: () => flattenError,
  formatError: () => formatError,
  getDiscriminatedOption: () => getDiscriminatedOption,
  globalConfig: () => globalConfig,
  globalRegistry: () => globalRegistry,
  handleUnrepresentable: () => handleUnrepresentable,
  initializeContext: () => initializeContext,
  isBackEdge: () => isBackEdge,
  isRecursiveSchema: () => isRecursiveSchema,
  isValidBase64: () => isValidBase64,
  isValidBase64URL: () => isValidBase64URL,
  isValidCIDRv6: () => isValidCIDRv6,
  isValidCreditCard: () => isValidCreditCard,
  isValidIBAN: () => isValidIBAN,
  isValidIPv6: () => isValidIPv6,
  isValidJWT: () => isValidJWT,
  locales: () => locales_exports,
  memoizer: () => memoizer,
  mergeValues: () => mergeValues,
  meta: () => meta,
  parse: () => parse,
  parseAsync: () => parseAsync,
  parseURLObject: () => parseURLObject,
  prettifyError: () => prettifyError,
  process: () => processSchema,
  processSchema: () => processSchema,
  regexes: () => regexes_exports,
  registry: () => registry,
  safeDecode: () => safeDecode,
  safeDecodeAsync: () => safeDecodeAsync,
  safeEncode: () => safeEncode,
  safeEncodeAsync: () => safeEncodeAsync,
  safeParse: () => safeParse,
  safeParseAsync: () => safeParseAsync,
  standardProps: () => standardProps,
  stripTabAndNewline: () => stripTabAndNewline,
  toDotPath: () => toDotPath,
  toJSONSchema: () => toJSONSchema,
  toZod: () => toZod,
  treeifyError: () => treeifyError,
  urlHostnameOk: () => urlHostnameOk,
  urlProtocolOk: () => urlProtocolOk,
  util: () => util_exports,
  validate: () => validate,
  validateAsync: () => validateAsync,
  validateURL: () => validateURL,
  version: () => version,
  withParser: () => withParser
});

// node_modules/zod/v4/core/util.js
var util_exports = {};
__export(util_exports, {
  BIGINT_FORMAT_RANGES: () => BIGINT_FORMAT_RANGES,
  CONSTANT_CATCH: () => CONSTANT_CATCH,
  Class: () => Class,
  NUMBER_FORMAT_RANGES: () => NUMBER_FORMAT_RANGES,
  aborted: () => aborted,
  allowsEval: () => allowsEval,
  assert: () => assert,
  assertEqual: () => assertEqual,
  assertIs: () => assertIs,
  assertNever: () => assertNever,
  assertNotEqual: () => assertNotEqual,
  assignProp: () => assignProp,
  attachSchema: () => attachSchema,
  base64ToUint8Array: () => base64ToUint8Array,
  base64urlToUint8Array: () => base64urlToUint8Array,
  cached: () => cached,
  captureStackTrace: () => captureStackTrace,
  cleanEnum: () => cleanEnum,
  cleanRegex: () => cleanRegex,
  clone: () => clone,
  cloneDef: () => cloneDef,
  codePointLength: () => codePointLength,
  constantCatch: () => constantCatch,
  createTransparentProxy: () => createTransparentProxy,
  defineLazy: () => defineLazy,
  defineLazyInternal: () => defineLazyInternal,
  derived: () => derived,
  esc: () => esc,
  escapeRegex: () => escapeRegex,
  explicitlyAborted: () => explicitlyAborted,
  extend: () => extend,
  finalizeIssue: () => finalizeIssue,
  floatSafeRemainder: () => floatSafeRemainder,
  getElementAtPath: () => getElementAtPath,
  getEnumValues: () => getEnumValues,
  getLengthableOrigin: () => getLengthableOrigin,
  getParsedType: () => getParsedType,
  getSizableOrigin: () => getSizableOrigin,
  hexToUint8Array: () => hexToUint8Array,
  hide: () => hide,
  installLazyProp: () => installLazyProp,
  isObject: () => isObject,
  isPlainObject: () => isPlainObject,
  issue: () => issue,
  joinValues: () => joinValues,
  jsonStringifyReplacer: () => jsonStringifyReplacer,
  members: () => members,
  merge: () => merge,
  mergeDefs: () => mergeDefs,
  normalizeParams: () => normalizeParams,
  nullish: () => nullish,
  numKeys: () => numKeys,
  objectClone: () => objectClone,
  omit: () => omit,
  optionalKeys: () => optionalKeys,
  own: () => own,
  parsedType: () => parsedType,
  partial: () => partial,
  pick: () => pick,
  prefixIssues: () => prefixIssues,
  primitiveTypes: () => primitiveTypes,
  promiseAllObject: () => promiseAllObject,
  propertyKeyTypes: () => propertyKeyTypes,
  randomString: () => randomString,
  rawShape: () => rawShape,
  required: () => required,
  safeExtend: () => safeExtend,
  shallowClone: () => shallowClone,
  sizeCaps: () => sizeCaps,
  slugify: () => slugify,
  stringifyPrimitive: () => stringifyPrimitive,
  toZod: () => toZod,
  uint8ArrayToBase64: () => uint8ArrayToBase64,
  uint8ArrayToBase64url: () => uint8ArrayToBase64url,
  uint8ArrayToHex: () => uint8ArrayToHex,
  unwrapMessage: () => unwrapMessage
});
function assertEqual(val) {
  return val;
}
function assertNotEqual(val) {
  return val;
}
function toZod() {
  return (schema) => schema;
}
function assertIs(_arg) {
}
function assertNever(_x) {
  throw new Error("Unexpected value in exhaustive check");
}
function assert(_) {
}
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input3) {
  return input3 === null || input3 === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
  const ratio2 = val / step;
  const roundedRatio = Math.round(ratio2);
  const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio2), 1);
  if (Math.abs(ratio2 - roundedRatio) < tolerance)
    return 0;
  return ratio2 - roundedRatio;
}
var EVALUATING = /* @__PURE__ */ Symbol("evaluating");
function defineLazy(object2, key, getter) {
  let value = void 0;
  Object.defineProperty(object2, key, {
    get() {
      if (value === EVALUATING) {
        return void 0;
      }
      if (value === void 0) {
        value = EVALUATING;
        value = getter();
      }
      return value;
    },
    set(v) {
      Object.defineProperty(object2, key, {
        value: v
        // configurable: true,
      });
    },
    configurable: true
  });
}
function objectClone(obj) {
  return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function rawShape(def) {
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  return desc?.get ? desc.get.raw : desc?.value;
}
function sourceShape(schema) {
  return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
function deferProp(target, key, getter) {
  Object.defineProperty(target, key, {
    get() {
      const value = getter();
      assignProp(this, key, value);
      return value;
    },
    enumerable: true,
    configurable: true
  });
}
function putProp(target, key, value) {
  if (key in target)
    assignProp(target, key, value);
  else
    target[key] = value;
}
function mirrorShape(target, source, keys, wrap) {
  const raw = sourceShape(source);
  for (const key of keys) {
    const desc = Object.getOwnPropertyDescriptor(raw, key);
    if (!desc.enumerable)
      continue;
    if (desc.get) {
      deferProp(target, key, () => {
        const value = source._zod.def.shape[key];
        return wrap ? wrap(value, key) : value;
      });
    } else
      putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
  }
}
function mirrorProps(target, source) {
  for (const key of Reflect.ownKeys(source)) {
    const desc = Object.getOwnPropertyDescriptor(source, key);
    if (!desc.enumerable)
      continue;
    if (desc.get)
      deferProp(target, key, () => source[key]);
    else
      putProp(target, key, desc.value);
  }
}
function mergeDefs(...defs) {
  const mergedDescriptors = {};
  for (const def of defs) {
    const descriptors = Object.getOwnPropertyDescriptors(def);
    Object.assign(mergedDescriptors, descriptors);
  }
  return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
  return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
  if (!path)
    return obj;
  return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
  const keys = Object.keys(promisesObj);
  const promises = keys.map((key) => promisesObj[key]);
  return Promise.all(promises).then((results) => {
    const resolvedObj = {};
    for (let i = 0; i < keys.length; i++) {
      resolvedObj[keys[i]] = results[i];
    }
    return resolvedObj;
  });
}
function randomString(length = 10) {
  const chars = "abcdefghijklmnopqrstuvwxyz";
  let str = "";
  for (let i = 0; i < length; i++) {
    str += chars[Math.floor(Math.random() * chars.length)];
  }
  return str;
}
function esc(str) {
  return JSON.stringify(str);
}
function slugify(input3) {
  return input3.toLowerCase().trim().replace(/[^\w\s-]/g, "").replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "");
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
var allowsEval = /* @__PURE__ */ cached(() => {
  if (globalConfig.jitless) {
    return false;
  }
  if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
    return false;
  }
  try {
    const F = Function;
    new F("");
    return true;
  } catch (_) {
    return false;
  }
});
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
function numKeys(data) {
  let keyCount = 0;
  for (const key in data) {
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      keyCount++;
    }
  }
  return keyCount;
}
var getParsedType = (data) => {
  const t = typeof data;
  switch (t) {
    case "undefined":
      return "undefined";
    case "string":
      return "string";
    case "number":
      return Number.isNaN(data) ? "nan" : "number";
    case "boolean":
      return "boolean";
    case "function":
      return "function";
    case "bigint":
      return "bigint";
    case "symbol":
      return "symbol";
    case "object":
      if (Array.isArray(data)) {
        return "array";
      }
      if (data === null) {
        return "null";
      }
      if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
        return "promise";
      }
      if (typeof Map !== "undefined" && data instanceof Map) {
        return "map";
      }
      if (typeof Set !== "undefined" && data instanceof Set) {
        return "set";
      }
      if (typeof Date !== "undefined" && data instanceof Date) {
        return "date";
      }
      if (typeof File !== "undefined" && data instanceof File) {
        return "file";
      }
      return "object";
    default:
      throw new Error(`Unknown data type: ${t}`);
  }
};
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
var primitiveTypes = /* @__PURE__ */ new Set([
  "string",
  "number",
  "bigint",
  "boolean",
  "symbol",
  "undefined"
]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function createTransparentProxy(getter) {
  let target;
  return new Proxy({}, {
    get(_, prop, receiver) {
      target ?? (target = getter());
      return Reflect.get(target, prop, receiver);
    },
    set(_, prop, value, receiver) {
      target ?? (target = getter());
      return Reflect.set(target, prop, value, receiver);
    },
    has(_, prop) {
      target ?? (target = getter());
      return Reflect.has(target, prop);
    },
    deleteProperty(_, prop) {
      target ?? (target = getter());
      return Reflect.deleteProperty(target, prop);
    },
    ownKeys(_) {
      target ?? (target = getter());
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(_, prop) {
      target ?? (target = getter());
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    defineProperty(_, prop, descriptor) {
      target ?? (target = getter());
      return Reflect.defineProperty(target, prop, descriptor);
    }
  });
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
var BIGINT_FORMAT_RANGES = {
  int64: [/* @__PURE__ */ BigInt("-9223372036854775808"), /* @__PURE__ */ BigInt("9223372036854775807")],
  uint64: [/* @__PURE__ */ BigInt(0), /* @__PURE__ */ BigInt("18446744073709551615")]
};
function pick(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".pick() cannot be used on object schemas containing refinements");
  }
  const newShape = {};
  mirrorShape(newShape, schema, maskedKeys(schema, mask));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function maskedKeys(schema, mask) {
  const raw = sourceShape(schema);
  const keys = [];
  for (const key of Reflect.ownKeys(mask)) {
    if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
      throw new Error(`Unrecognized key: "${String(key)}"`);
    }
    if (mask[key])
      keys.push(key);
  }
  return keys;
}
function omit(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".omit() cannot be used on object schemas containing refinements");
  }
  const omitted = new Set(maskedKeys(schema, mask));
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to extend: expected a plain object");
  }
  const checks = schema._zod.def.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    const existingShape = sourceShape(schema);
    for (const key of Reflect.ownKeys(shape)) {
      if (Object.getOwnPropertyDescriptor(existingShape, key) !== void 0) {
        throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
      }
    }
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function extended(schema, shape) {
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
  mirrorProps(newShape, shape);
  return newShape;
}
function safeExtend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to safeExtend: expected a plain object");
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
  if (!b?._zod?.def) {
    throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
  }
  if (a._zod.def.checks?.length) {
    throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
  }
  const newShape = {};
  mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
  mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
  const def = mergeDefs(a._zod.def, {
    shape: newShape,
    get catchall() {
      return b._zod.def.catchall;
    },
    checks: b._zod.def.checks ?? []
  });
  return clone(a, def);
}
function partial(Class2, schema, mask, name = "partial") {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
  }
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class2 && ((value, key) => selected && !selected.has(key) ? value : new Class2({ type: "optional", innerType: value })));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class2, schema, mask) {
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => (
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class2({ type: "nonoptional", innerType: value })
  ));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function getSizableOrigin(input3) {
  if (input3 instanceof Set)
    return "set";
  if (input3 instanceof Map)
    return "map";
  if (input3 instanceof File)
    return "file";
  return "unknown";
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count2 = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count2--;
      i++;
    }
  }
  return count2;
}
function getLengthableOrigin(input3) {
  if (Array.isArray(input3))
    return "array";
  if (typeof input3 === "string")
    return "string";
  return "unknown";
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue(...args) {
  const [iss, input3, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input: input3,
      inst
    };
  }
  return { ...iss };
}
function cleanEnum(obj) {
  return Object.entries(obj).filter(([k, _]) => {
    return Number.isNaN(Number.parseInt(k, 10));
  }).map((el) => el[1]);
}
function base64ToUint8Array(base643) {
  const binaryString = atob(base643);
  const bytes2 = new Uint8Array(binaryString.length);
  for (let i = 0; i < binaryString.length; i++) {
    bytes2[i] = binaryString.charCodeAt(i);
  }
  return bytes2;
}
function uint8ArrayToBase64(bytes2) {
  let binaryString = "";
  for (let i = 0; i < bytes2.length; i++) {
    binaryString += String.fromCharCode(bytes2[i]);
  }
  return btoa(binaryString);
}
function base64urlToUint8Array(base64url3) {
  const base643 = base64url3.replace(/-/g, "+").replace(/_/g, "/");
  const padding = "=".repeat((4 - base643.length % 4) % 4);
  return base64ToUint8Array(base643 + padding);
}
function uint8ArrayToBase64url(bytes2) {
  return uint8ArrayToBase64(bytes2).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex3) {
  const cleanHex = hex3.replace(/^0x/, "");
  if (cleanHex.length % 2 !== 0) {
    throw new Error("Invalid hex string length");
  }
  const bytes2 = new Uint8Array(cleanHex.length / 2);
  for (let i = 0; i < cleanHex.length; i += 2) {
    bytes2[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
  }
  return bytes2;
}
function uint8ArrayToHex(bytes2) {
  return Array.from(bytes2).map((b) => b.toString(16).padStart(2, "0")).join("");
}
var Class = class {
  constructor(..._args) {
  }
};
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
// @__NO_SIDE_EFFECTS__
function derived(computes, table) {
  for (const key in computes) {
    const compute = computes[key];
    Object.defineProperty(table, key, {
      configurable: true,
      enumerable: true,
      get() {
        return own(this, key, compute(this));
      },
      set(value) {
        own(this, key, value);
      }
    });
  }
  return table;
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}
var CONSTANT_CATCH = "~constantCatch";
function constantCatch(value) {
  const fn = () => value;
  fn[CONSTANT_CATCH] = true;
  return fn;
}

// node_modules/zod/v4/core/core.js
var _a;
var NEVER = /* @__PURE__ */ Object.freeze({
  status: "aborted"
});
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer3, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer3(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $brand = /* @__PURE__ */ Symbol("zod_brand");
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
var $ZodEncodeError = class extends Error {
  constructor(name) {
    super(`Encountered unidirectional transform during encode: ${name}`);
    this.name = "ZodEncodeError";
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});
function node(obj, key, make) {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) {
    if (key === "__proto__") {
      Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
    } else {
      obj[key] = make();
    }
  }
  return obj[key];
}
function flattenError(error2, mapper = (issue2) => issue2.message) {
  const fieldErrors = {};
  const formErrors = [];
  for (const sub of error2.issues) {
    if (sub.path.length > 0) {
      node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
    } else {
      formErrors.push(mapper(sub));
    }
  }
  return { formErrors, fieldErrors };
}
function formatError(error2, mapper = (issue2) => issue2.message) {
  const fieldErrors = { _errors: [] };
  const processError = (error3, path = []) => {
    for (const issue2 of error3.issues) {
      if (issue2.code === "invalid_union" && issue2.errors.length) {
        issue2.errors.map((issues) => processError({ issues }, [...path, ...issue2.path]));
      } else if (issue2.code === "invalid_key") {
        processError({ issues: issue2.issues }, [...path, ...issue2.path]);
      } else if (issue2.code === "invalid_element") {
        processError({ issues: issue2.issues }, [...path, ...issue2.path]);
      } else {
        const fullpath = [...path, ...issue2.path];
        if (fullpath.length === 0) {
          fieldErrors._errors.push(mapper(issue2));
        } else {
          let curr = fieldErrors;
          let i = 0;
          while (i < fullpath.length) {
            const el = fullpath[i];
            const terminal = i === fullpath.length - 1;
            if (el === "_errors") {
              if (terminal)
                curr._errors.push(mapper(issue2));
              i++;
              continue;
            }
            if (!Object.prototype.hasOwnProperty.call(curr, el)) {
              Object.defineProperty(curr, el, {
                value: { _errors: [] },
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
            const node2 = curr[el];
            if (terminal) {
              node2._errors.push(mapper(issue2));
            }
            curr = node2;
            i++;
          }
        }
      }
    }
  };
  processError(error2);
  return fieldErrors;
}
function treeifyError(error2, mapper = (issue2) => issue2.message) {
  const result = { errors: [] };
  const processError = (error3, path = []) => {
    var _a3;
    for (const issue2 of error3.issues) {
      if (issue2.code === "invalid_union" && issue2.errors.length) {
        issue2.errors.map((issues) => processError({ issues }, [...path, ...issue2.path]));
      } else if (issue2.code === "invalid_key") {
        processError({ issues: issue2.issues }, [...path, ...issue2.path]);
      } else if (issue2.code === "invalid_element") {
        processError({ issues: issue2.issues }, [...path, ...issue2.path]);
      } else {
        const fullpath = [...path, ...issue2.path];
        if (fullpath.length === 0) {
          result.errors.push(mapper(issue2));
          continue;
        }
        let curr = result;
        let i = 0;
        while (i < fullpath.length) {
          const el = fullpath[i];
          const terminal = i === fullpath.length - 1;
          if (typeof el === "string") {
            curr.properties ?? (curr.properties = {});
            if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
              Object.defineProperty(curr.properties, el, {
                value: { errors: [] },
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
            curr = curr.properties[el];
          } else {
            curr.items ?? (curr.items = []);
            (_a3 = curr.items)[el] ?? (_a3[el] = { errors: [] });
            curr = curr.items[el];
          }
          if (terminal) {
            curr.errors.push(mapper(issue2));
          }
          i++;
        }
      }
    }
  };
  processError(error2);
  return result;
}
function toDotPath(_path) {
  const segs = [];
  const path = _path.map((seg) => typeof seg === "object" ? seg.key : seg);
  for (const seg of path) {
    if (typeof seg === "number")
      segs.push(`[${seg}]`);
    else if (typeof seg === "symbol")
      segs.push(`[${JSON.stringify(String(seg))}]`);
    else if (/[^\w$]/.test(seg))
      segs.push(`[${JSON.stringify(seg)}]`);
    else {
      if (segs.length)
        segs.push(".");
      segs.push(seg);
    }
  }
  return segs.join("");
}
function prettifyError(error2) {
  const lines = [];
  const issues = [...error2.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
  for (const issue2 of issues) {
    lines.push(`\u2716 ${issue2.message}`);
    if (issue2.path?.length)
      lines.push(`  \u2192 at ${toDotPath(issue2.path)}`);
  }
  return lines.join("\n");
}

// node_modules/zod/v4/core/parse.js
function finalizeParams(callee, params) {
  return { callee: params?.callee ?? callee, Err: params?.Err };
}
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);
var COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
var COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
var validate = ((schema, value, _ctx) => {
  const validator = schema._zod.bag.validator;
  if (validator !== void 0) {
    if (validator(value) !== COMPILE_INVALID)
      return true;
    if (validator.definite === true && _ctx === void 0)
      return false;
  }
  return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
  const ctx = _ctx ? { ..._ctx, async: false, abortEarly: true } : { async: false, abortEarly: true };
  const fallbackRun = schema._zod.bag.fallbackRun;
  let result;
  if (fallbackRun) {
    ctx[COMPILE_FALLBACK] = true;
    result = fallbackRun({ value, issues: [] }, ctx);
  } else {
    result = schema._zod.run({ value, issues: [] }, ctx);
  }
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length === 0;
}
var validateAsync = async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true, abortEarly: true } : { async: true, abortEarly: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length === 0;
};
var _encode = (_Err) => {
  const parse4 = _parse(_Err);
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return parse4(schema, value, ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var encode = /* @__PURE__ */ _encode($ZodRealError);
var _decode = (_Err) => {
  const parse4 = _parse(_Err);
  const fn = (schema, value, _ctx, _params) => {
    return parse4(schema, value, _ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var decode = /* @__PURE__ */ _decode($ZodRealError);
var _encodeAsync = (_Err) => {
  const parseAsync3 = _parseAsync(_Err);
  const fn = async (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return await parseAsync3(schema, value, ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var encodeAsync = /* @__PURE__ */ _encodeAsync($ZodRealError);
var _decodeAsync = (_Err) => {
  const parseAsync3 = _parseAsync(_Err);
  const fn = async (schema, value, _ctx, _params) => {
    return await parseAsync3(schema, value, _ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var decodeAsync = /* @__PURE__ */ _decodeAsync($ZodRealError);
var _safeEncode = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
  return _safeParse(_Err)(schema, value, ctx);
};
var safeEncode = /* @__PURE__ */ _safeEncode($ZodRealError);
var _safeDecode = (_Err) => (schema, value, _ctx) => {
  return _safeParse(_Err)(schema, value, _ctx);
};
var safeDecode = /* @__PURE__ */ _safeDecode($ZodRealError);
var _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
  return _safeParseAsync(_Err)(schema, value, ctx);
};
var safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync($ZodRealError);
var _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
  return _safeParseAsync(_Err)(schema, value, _ctx);
};
var safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var regexes_exports = {};
__export(regexes_exports, {
  anyString: () => anyString,
  base64: () => base64,
  base64url: () => base64url,
  bigint: () => bigint,
  boolean: () => boolean,
  browserEmail: () => browserEmail,
  cidrv4: () => cidrv4,
  cidrv6: () => cidrv6,
  creditCard: () => creditCard,
  cuid: () => cuid,
  cuid2: () => cuid2,
  currencyCode: () => currencyCode,
  date: () => date,
  datetime: () => datetime,
  domain: () => domain,
  duration: () => duration,
  e164: () => e164,
  email: () => email,
  emoji: () => emoji,
  extendedDuration: () => extendedDuration,
  guid: () => guid,
  hex: () => hex,
  hostname: () => hostname,
  html5Email: () => html5Email,
  httpProtocol: () => httpProtocol,
  iban: () => iban,
  idnEmail: () => idnEmail,
  integer: () => integer,
  ipv4: () => ipv4,
  ipv6: () => ipv6,
  ksuid: () => ksuid,
  lowercase: () => lowercase,
  mac: () => mac,
  md5_base64: () => md5_base64,
  md5_base64url: () => md5_base64url,
  md5_hex: () => md5_hex,
  nanoid: () => nanoid,
  nanoidOfLength: () => nanoidOfLength,
  null: () => _null,
  number: () => number,
  rfc5322Email: () => rfc5322Email,
  sha1_base64: () => sha1_base64,
  sha1_base64url: () => sha1_base64url,
  sha1_hex: () => sha1_hex,
  sha256_base64: () => sha256_base64,
  sha256_base64url: () => sha256_base64url,
  sha256_hex: () => sha256_hex,
  sha384_base64: () => sha384_base64,
  sha384_base64url: () => sha384_base64url,
  sha384_hex: () => sha384_hex,
  sha512_base64: () => sha512_base64,
  sha512_base64url: () => sha512_base64url,
  sha512_hex: () => sha512_hex,
  string: () => string,
  time: () => time,
  ulid: () => ulid,
  undefined: () => _undefined,
  unicodeEmail: () => unicodeEmail,
  uppercase: () => uppercase,
  uuid: () => uuid,
  uuid4: () => uuid4,
  uuid6: () => uuid6,
  uuid7: () => uuid7,
  xid: () => xid
});
var cuid = /^[cC][0-9a-z]{6,}$/;
var cuid2 = /^[0-9a-z]+$/;
var ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
var xid = /^[0-9a-vA-V]{20}$/;
var ksuid = /^[A-Za-z0-9]{27}$/;
var nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
  return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
var duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
var extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
var guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
var uuid = (version2) => {
  if (!version2)
    return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
  return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version2}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
var uuid4 = /* @__PURE__ */ uuid(4);
var uuid6 = /* @__PURE__ */ uuid(6);
var uuid7 = /* @__PURE__ */ uuid(7);
var email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
var html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
var rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
var unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
var idnEmail = unicodeEmail;
var browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
var _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
  return new RegExp(_emoji, "u");
}
var ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
var ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
var mac = (delimiter) => {
  const escapedDelim = escapeRegex(delimiter ?? ":");
  return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
var cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
var cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
var base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
var base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
var hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
var domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
var httpProtocol = /^https?$/;
var e164 = /^\+[1-9]\d{6,14}$/;
var creditCard = /^\d(?:[ -]?\d){11,18}$/;
var currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
var iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
var dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
function anchor(source) {
  return new RegExp(`^${source}$`);
}
var date = /* @__PURE__ */ anchor(dateSource);
function timeSource(args) {
  const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
  const regex = typeof args.precision === "number" ? args.precision === -1 ? `${hhmm}` : args.precision === 0 ? `${hhmm}:[0-5]\\d` : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}` : args.seconds ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?` : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
  return regex;
}
function time(args) {
  return new RegExp(`^${timeSource(args)}$`);
}
function datetime(args) {
  const opts = ["Z"];
  if (args.offset)
    opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
  const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
  const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
  return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
var anyString = /^[\s\S]{0,}$/;
var string = (params) => {
  const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
  return new RegExp(`^${regex}$`);
};
var bigint = /^-?\d+n?$/;
var integer = /^-?\d+$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;
var _null = /^null$/i;
var _undefined = /^undefined$/i;
var lowercase = /^[^A-Z]*$/;
var uppercase = /^[^a-z]*$/;
var hex = /^[0-9a-fA-F]*$/;
function fixedBase64(bodyLength, padding) {
  return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
function fixedBase64url(length) {
  return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
var md5_hex = /^[0-9a-fA-F]{32}$/;
var md5_base64 = /* @__PURE__ */ fixedBase64(22, "==");
var md5_base64url = /* @__PURE__ */ fixedBase64url(22);
var sha1_hex = /^[0-9a-fA-F]{40}$/;
var sha1_base64 = /* @__PURE__ */ fixedBase64(27, "=");
var sha1_base64url = /* @__PURE__ */ fixedBase64url(27);
var sha256_hex = /^[0-9a-fA-F]{64}$/;
var sha256_base64 = /* @__PURE__ */ fixedBase64(43, "=");
var sha256_base64url = /* @__PURE__ */ fixedBase64url(43);
var sha384_hex = /^[0-9a-fA-F]{96}$/;
var sha384_base64 = /* @__PURE__ */ fixedBase64(64, "");
var sha384_base64url = /* @__PURE__ */ fixedBase64url(64);
var sha512_hex = /^[0-9a-fA-F]{128}$/;
var sha512_base64 = /* @__PURE__ */ fixedBase64(86, "==");
var sha512_base64url = /* @__PURE__ */ fixedBase64url(86);

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a3;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
});
var _whenHasSize = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.size !== void 0;
};
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_big",
      maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMultipleOf = /* @__PURE__ */ $constructor("$ZodCheckMultipleOf", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    if (typeof payload.value !== typeof def.value)
      throw new Error("Cannot mix number and bigint in multiple_of check.");
    const isMultiple = typeof payload.value === "bigint" ? (
      // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
      def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
    ) : floatSafeRemainder(payload.value, def.value) === 0;
    if (isMultiple)
      return;
    payload.issues.push({
      origin: typeof payload.value,
      code: "not_multiple_of",
      divisor: def.value,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = def.format?.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    if (isInt) {
      if (!Number.isInteger(input3)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input: input3,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input3)) {
        if (input3 > 0) {
          payload.issues.push({
            input: input3,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input: input3,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input3 < minimum) {
      payload.issues.push({
        origin: "number",
        input: input3,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input3 > maximum) {
      payload.issues.push({
        origin: "number",
        input: input3,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckBigIntFormat = /* @__PURE__ */ $constructor("$ZodCheckBigIntFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  const [minimum, maximum] = BIGINT_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    if (input3 < minimum) {
      payload.issues.push({
        origin: "bigint",
        input: input3,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input3 > maximum) {
      payload.issues.push({
        origin: "bigint",
        input: input3,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckMaxSize = /* @__PURE__ */ $constructor("$ZodCheckMaxSize", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasSize);
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    const size = input3.size;
    if (size <= def.maximum)
      return;
    payload.issues.push({
      origin: getSizableOrigin(input3),
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input: input3,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinSize = /* @__PURE__ */ $constructor("$ZodCheckMinSize", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasSize);
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    const size = input3.size;
    if (size >= def.minimum)
      return;
    payload.issues.push({
      origin: getSizableOrigin(input3),
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input: input3,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckSizeEquals = /* @__PURE__ */ $constructor("$ZodCheckSizeEquals", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasSize);
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    const size = input3.size;
    if (size === def.size)
      return;
    const tooBig = size > def.size;
    payload.issues.push({
      origin: getSizableOrigin(input3),
      ...tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size },
      inclusive: true,
      exact: true,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    const units = input3.length;
    const length = typeof input3 === "string" && units > def.maximum ? codePointLength(input3) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input3);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input: input3,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    const units = input3.length;
    const length = typeof input3 === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input3) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input3);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input: input3,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckLengthEquals = /* @__PURE__ */ $constructor("$ZodCheckLengthEquals", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    const units = input3.length;
    const length = typeof input3 === "string" && units >= def.length && units <= def.length * 2 ? codePointLength(input3) : units;
    if (length === def.length)
      return;
    const origin = getLengthableOrigin(input3);
    const tooBig = length > def.length;
    payload.issues.push({
      origin,
      ...tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length },
      inclusive: true,
      exact: true,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a3, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckLowerCase = /* @__PURE__ */ $constructor("$ZodCheckLowerCase", (inst, def) => {
  def.pattern ?? (def.pattern = lowercase);
  $ZodCheckStringFormat.init(inst, def);
});
var $ZodCheckUpperCase = /* @__PURE__ */ $constructor("$ZodCheckUpperCase", (inst, def) => {
  def.pattern ?? (def.pattern = uppercase);
  $ZodCheckStringFormat.init(inst, def);
});
var $ZodCheckIncludes = /* @__PURE__ */ $constructor("$ZodCheckIncludes", (inst, def) => {
  $ZodCheck.init(inst, def);
  const escapedRegex = escapeRegex(def.includes);
  const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
  def.pattern = pattern;
  inst._zod.check = (payload) => {
    if (payload.value.includes(def.includes, def.position))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "includes",
      includes: def.includes,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStartsWith = /* @__PURE__ */ $constructor("$ZodCheckStartsWith", (inst, def) => {
  $ZodCheck.init(inst, def);
  const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
  def.pattern ?? (def.pattern = pattern);
  inst._zod.check = (payload) => {
    if (payload.value.startsWith(def.prefix))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "starts_with",
      prefix: def.prefix,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckEndsWith = /* @__PURE__ */ $constructor("$ZodCheckEndsWith", (inst, def) => {
  $ZodCheck.init(inst, def);
  const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
  def.pattern ?? (def.pattern = pattern);
  inst._zod.check = (payload) => {
    if (payload.value.endsWith(def.suffix))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "ends_with",
      suffix: def.suffix,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
function handleCheckPropertyResult(result, payload, property) {
  if (result.issues.length) {
    payload.issues.push(...prefixIssues(property, result.issues));
  }
}
var $ZodCheckProperty = /* @__PURE__ */ $constructor("$ZodCheckProperty", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    const result = def.schema._zod.run({
      value: payload.value[def.property],
      issues: []
    }, {});
    if (result instanceof Promise) {
      return result.then((result2) => handleCheckPropertyResult(result2, payload, def.property));
    }
    handleCheckPropertyResult(result, payload, def.property);
    return;
  };
});
var $ZodCheckProperties = /* @__PURE__ */ $constructor("$ZodCheckProperties", (inst, def) => {
  $ZodCheck.init(inst, def);
  hide(inst, Symbol.iterator, function* () {
    yield inst;
  });
  let entries;
  inst._zod.check = (payload) => {
    if (payload.value == null) {
      payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
      return void 0;
    }
    entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
    const input3 = payload.value;
    let proms;
    for (const [key, schema] of entries) {
      const result = schema._zod.run({ value: input3[key], issues: [] }, {});
      if (result instanceof Promise) {
        proms ?? (proms = []);
        proms.push(result.then((result2) => handleCheckPropertyResult(result2, payload, key)));
      } else {
        handleCheckPropertyResult(result, payload, key);
      }
    }
    if (proms)
      return Promise.all(proms).then(() => void 0);
    return void 0;
  };
});
var $ZodCheckMimeType = /* @__PURE__ */ $constructor("$ZodCheckMimeType", (inst, def) => {
  $ZodCheck.init(inst, def);
  const mimeSet = new Set(def.mime);
  inst._zod.check = (payload) => {
    if (mimeSet.has(payload.value.type))
      return;
    payload.issues.push({
      code: "invalid_value",
      values: def.mime,
      input: payload.value.type,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckOverwrite = /* @__PURE__ */ $constructor("$ZodCheckOverwrite", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    payload.value = def.tx(payload.value);
  };
});

// node_modules/zod/v4/core/doc.js
var Doc = class {
  constructor(args = [], closed = {}) {
    this.content = [];
    this.indent = 0;
    this.args = args;
    this.closed = closed;
  }
  // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
  indented(fn) {
    this.indent += 1;
    try {
      fn(this);
    } finally {
      this.indent -= 1;
    }
  }
  write(arg) {
    if (typeof arg === "function") {
      arg(this, { execution: "sync" });
      arg(this, { execution: "async" });
      return;
    }
    const content = arg;
    const lines = content.split("\n").filter((x) => x);
    const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
    const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
    for (const line of dedented) {
      this.content.push(line);
    }
  }
  compile() {
    const F = Function;
    const content = this?.content ?? [``];
    const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {
${content.join("\n")}
};`);
    return factory(...Object.values(this.closed));
  }
};

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a3;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync2(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync2(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  $ZodString.init(inst, def);
});
var $ZodGUID = /* @__PURE__ */ $constructor("$ZodGUID", (inst, def) => {
  def.pattern ?? (def.pattern = guid);
  $ZodStringFormat.init(inst, def);
});
var $ZodUUID = /* @__PURE__ */ $constructor("$ZodUUID", (inst, def) => {
  if (def.version) {
    const versionMap = {
      v1: 1,
      v2: 2,
      v3: 3,
      v4: 4,
      v5: 5,
      v6: 6,
      v7: 7,
      v8: 8
    };
    const v = versionMap[def.version];
    if (v === void 0)
      throw new Error(`Invalid UUID version: "${def.version}"`);
    def.pattern ?? (def.pattern = uuid(v));
  } else
    def.pattern ?? (def.pattern = uuid());
  $ZodStringFormat.init(inst, def);
});
var $ZodEmail = /* @__PURE__ */ $constructor("$ZodEmail", (inst, def) => {
  def.pattern ?? (def.pattern = email);
  $ZodStringFormat.init(inst, def);
});
var URL_BAD_FORMAT = 1;
var URL_UNPARSEABLE = 2;
function canParseURL(input3) {
  try {
    if (typeof URL !== "undefined" && typeof URL.canParse === "function")
      return URL.canParse(input3);
    new URL(input3);
    return true;
  } catch {
    return false;
  }
}
function validateURL(trimmed, def) {
  if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
    return canParseURL(trimmed) || URL_UNPARSEABLE;
  }
  return parseURLObject(trimmed, def);
}
function parseURLObject(trimmed, def) {
  if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
    return URL_BAD_FORMAT;
  }
  try {
    if (typeof URL !== "undefined") {
      const URLStatic = URL;
      if (typeof URLStatic.parse === "function")
        return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
    }
    return new URL(trimmed);
  } catch {
    return URL_UNPARSEABLE;
  }
}
var asciiTabOrNewline = /[\t\n\r]/g;
function stripTabAndNewline(value) {
  return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url2, hostname3) {
  hostname3.lastIndex = 0;
  return hostname3.test(url2.hostname);
}
function urlProtocolOk(url2, protocol) {
  protocol.lastIndex = 0;
  return protocol.test(url2.protocol.endsWith(":") ? url2.protocol.slice(0, -1) : url2.protocol);
}
var $ZodURL = /* @__PURE__ */ $constructor("$ZodURL", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    try {
      const trimmed = payload.value.trim();
      const url2 = validateURL(trimmed, def);
      if (url2 === URL_BAD_FORMAT) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid URL format",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url2 === URL_UNPARSEABLE) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url2 === true) {
        payload.value = stripTabAndNewline(trimmed);
        return;
      }
      if (def.hostname && !urlHostnameOk(url2, def.hostname)) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid hostname",
          pattern: def.hostname.source,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
      if (def.protocol && !urlProtocolOk(url2, def.protocol)) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid protocol",
          pattern: def.protocol.source,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
      payload.value = def.normalize ? url2.href : stripTabAndNewline(trimmed);
      return;
    } catch (_) {
      payload.issues.push({
        code: "invalid_format",
        format: "url",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodEmoji = /* @__PURE__ */ $constructor("$ZodEmoji", (inst, def) => {
  def.pattern ?? (def.pattern = emoji());
  $ZodStringFormat.init(inst, def);
});
var $ZodNanoID = /* @__PURE__ */ $constructor("$ZodNanoID", (inst, def) => {
  if (def.length !== void 0 && (!Number.isInteger(def.length) || def.length < 1))
    throw new Error(`Invalid nanoid length: ${def.length}`);
  def.pattern ?? (def.pattern = def.length === void 0 ? nanoid : nanoidOfLength(def.length));
  $ZodStringFormat.init(inst, def);
});
var $ZodCUID = /* @__PURE__ */ $constructor("$ZodCUID", (inst, def) => {
  def.pattern ?? (def.pattern = cuid);
  $ZodStringFormat.init(inst, def);
});
var $ZodCUID2 = /* @__PURE__ */ $constructor("$ZodCUID2", (inst, def) => {
  def.pattern ?? (def.pattern = cuid2);
  $ZodStringFormat.init(inst, def);
});
var $ZodULID = /* @__PURE__ */ $constructor("$ZodULID", (inst, def) => {
  def.pattern ?? (def.pattern = ulid);
  $ZodStringFormat.init(inst, def);
});
var $ZodXID = /* @__PURE__ */ $constructor("$ZodXID", (inst, def) => {
  def.pattern ?? (def.pattern = xid);
  $ZodStringFormat.init(inst, def);
});
var $ZodKSUID = /* @__PURE__ */ $constructor("$ZodKSUID", (inst, def) => {
  def.pattern ?? (def.pattern = ksuid);
  $ZodStringFormat.init(inst, def);
});
var $ZodISODateTime = /* @__PURE__ */ $constructor("$ZodISODateTime", (inst, def) => {
  def.pattern ?? (def.pattern = datetime(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODate = /* @__PURE__ */ $constructor("$ZodISODate", (inst, def) => {
  def.pattern ?? (def.pattern = date);
  $ZodStringFormat.init(inst, def);
});
var $ZodISOTime = /* @__PURE__ */ $constructor("$ZodISOTime", (inst, def) => {
  def.pattern ?? (def.pattern = time(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODuration = /* @__PURE__ */ $constructor("$ZodISODuration", (inst, def) => {
  def.pattern ?? (def.pattern = duration);
  $ZodStringFormat.init(inst, def);
});
var $ZodIPv4 = /* @__PURE__ */ $constructor("$ZodIPv4", (inst, def) => {
  def.pattern ?? (def.pattern = ipv4);
  $ZodStringFormat.init(inst, def);
});
var ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
  if (!ipv6Alphabet.test(value))
    return false;
  return canParseURL(`http://[${value}]`);
}
var $ZodIPv6 = /* @__PURE__ */ $constructor("$ZodIPv6", (inst, def) => {
  def.pattern ?? (def.pattern = ipv6);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (!isValidIPv6(payload.value)) {
      payload.issues.push({
        code: "invalid_format",
        format: "ipv6",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodMAC = /* @__PURE__ */ $constructor("$ZodMAC", (inst, def) => {
  def.pattern ?? (def.pattern = mac(def.delimiter));
  $ZodStringFormat.init(inst, def);
});
var $ZodCIDRv4 = /* @__PURE__ */ $constructor("$ZodCIDRv4", (inst, def) => {
  def.pattern ?? (def.pattern = cidrv4);
  $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
  const parts = value.split("/");
  if (parts.length !== 2)
    return false;
  const [address, prefix] = parts;
  if (!prefix)
    return false;
  const prefixNum = Number(prefix);
  if (`${prefixNum}` !== prefix)
    return false;
  if (prefixNum < 0 || prefixNum > 128)
    return false;
  return isValidIPv6(address);
}
var $ZodCIDRv6 = /* @__PURE__ */ $constructor("$ZodCIDRv6", (inst, def) => {
  def.pattern ?? (def.pattern = cidrv6);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (!isValidCIDRv6(payload.value)) {
      payload.issues.push({
        code: "invalid_format",
        format: "cidrv6",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
function isValidBase64(data) {
  if (data === "")
    return true;
  if (/\s/.test(data))
    return false;
  if (data.length % 4 !== 0)
    return false;
  try {
    atob(data);
    return true;
  } catch {
    return false;
  }
}
var base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
var $ZodBase64 = /* @__PURE__ */ $constructor("$ZodBase64", (inst, def) => {
  def.pattern ?? (def.pattern = base64Charset);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidBase64(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "base64",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
  if (!base64urlCharset.test(data))
    return false;
  const base643 = data.replace(/[-_]/g, (c) => c === "-" ? "+" : "/");
  const padded = base643.padEnd(Math.ceil(base643.length / 4) * 4, "=");
  return isValidBase64(padded);
}
var $ZodBase64URL = /* @__PURE__ */ $constructor("$ZodBase64URL", (inst, def) => {
  def.pattern ?? (def.pattern = base64urlCharset);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidBase64URL(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "base64url",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodE164 = /* @__PURE__ */ $constructor("$ZodE164", (inst, def) => {
  def.pattern ?? (def.pattern = e164);
  $ZodStringFormat.init(inst, def);
});
var CC_SANITIZE = /[- ]/g;
function isLuhnAlgo(digits) {
  let length = digits.length;
  let bit = 1;
  let sum = 0;
  while (length) {
    const value = digits.charCodeAt(--length) - 48;
    bit ^= 1;
    sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
  }
  return sum % 10 === 0;
}
function isValidCreditCard(input3) {
  if (!creditCard.test(input3))
    return false;
  return isLuhnAlgo(input3.replace(CC_SANITIZE, ""));
}
var $ZodCreditCard = /* @__PURE__ */ $constructor("$ZodCreditCard", (inst, def) => {
  def.pattern ?? (def.pattern = creditCard);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidCreditCard(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "credit_card",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
function isIso7064Mod97(iban3) {
  let remainder = 0;
  const len = iban3.length;
  for (let i = 4; i < len; i++) {
    const code = iban3.charCodeAt(i);
    remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
  }
  for (let i = 0; i < 4; i++) {
    const code = iban3.charCodeAt(i);
    remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
  }
  return remainder === 1;
}
function isValidIBAN(input3) {
  if (!iban.test(input3))
    return false;
  return isIso7064Mod97(input3);
}
var $ZodIBAN = /* @__PURE__ */ $constructor("$ZodIBAN", (inst, def) => {
  def.pattern ?? (def.pattern = iban);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidIBAN(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "iban",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
function isValidJWT(token, algorithm = null) {
  try {
    const tokensParts = token.split(".");
    if (tokensParts.length !== 3)
      return false;
    const [header] = tokensParts;
    if (!header)
      return false;
    const parsedHeader = JSON.parse(atob(header));
    if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
      return false;
    if (!parsedHeader.alg)
      return false;
    if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
      return false;
    return true;
  } catch {
    return false;
  }
}
var $ZodJWT = /* @__PURE__ */ $constructor("$ZodJWT", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidJWT(payload.value, def.alg))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "jwt",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCustomStringFormat = /* @__PURE__ */ $constructor("$ZodCustomStringFormat", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (def.fn(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: def.format,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input3 = payload.value;
    if (typeof input3 === "number" && !Number.isNaN(input3) && Number.isFinite(input3)) {
      return payload;
    }
    const received = typeof input3 === "number" ? Number.isNaN(input3) ? "NaN" : !Number.isFinite(input3) ? String(input3) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input: input3,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input3 = payload.value;
    if (typeof input3 === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input: input3,
      inst
    });
    return payload;
  };
});
var $ZodBigInt = /* @__PURE__ */ $constructor("$ZodBigInt", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = bigint;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = BigInt(payload.value);
      } catch (_) {
      }
    if (typeof payload.value === "bigint")
      return payload;
    payload.issues.push({
      expected: "bigint",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodBigIntFormat = /* @__PURE__ */ $constructor("$ZodBigIntFormat", (inst, def) => {
  $ZodCheckBigIntFormat.init(inst, def);
  $ZodBigInt.init(inst, def);
});
var $ZodSymbol = /* @__PURE__ */ $constructor("$ZodSymbol", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    const input3 = payload.value;
    if (typeof input3 === "symbol")
      return payload;
    payload.issues.push({
      expected: "symbol",
      code: "invalid_type",
      input: input3,
      inst
    });
    return payload;
  };
});
var $ZodUndefined = /* @__PURE__ */ $constructor("$ZodUndefined", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = _undefined;
  inst._zod.values = /* @__PURE__ */ new Set([void 0]);
  inst._zod.parse = (payload, _ctx) => {
    const input3 = payload.value;
    if (typeof input3 === "undefined")
      return payload;
    payload.issues.push({
      expected: "undefined",
      code: "invalid_type",
      input: input3,
      inst
    });
    return payload;
  };
});
var $ZodNull = /* @__PURE__ */ $constructor("$ZodNull", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = _null;
  inst._zod.values = /* @__PURE__ */ new Set([null]);
  inst._zod.parse = (payload, _ctx) => {
    const input3 = payload.value;
    if (input3 === null)
      return payload;
    payload.issues.push({
      expected: "null",
      code: "invalid_type",
      input: input3,
      inst
    });
    return payload;
  };
});
var $ZodAny = /* @__PURE__ */ $constructor("$ZodAny", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodVoid = /* @__PURE__ */ $constructor("$ZodVoid", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    const input3 = payload.value;
    if (typeof input3 === "undefined")
      return payload;
    payload.issues.push({
      expected: "void",
      code: "invalid_type",
      input: input3,
      inst
    });
    return payload;
  };
});
var $ZodDate = /* @__PURE__ */ $constructor("$ZodDate", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce) {
      try {
        payload.value = new Date(payload.value);
      } catch (_err) {
      }
    }
    const input3 = payload.value;
    const isDate = input3 instanceof Date;
    const isValidDate = isDate && !Number.isNaN(input3.getTime());
    if (isValidDate)
      return payload;
    payload.issues.push({
      expected: "date",
      code: "invalid_type",
      input: input3,
      ...isDate ? { received: "Invalid Date" } : {},
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse4 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse4(payload, ctx);
  };
}
var arraySize = (input3) => Array.isArray(input3) ? input3.length : -1;
var mapSize = (input3) => input3 instanceof Map ? input3.size : -1;
var setSize = (input3) => input3 instanceof Set ? input3.size : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input3 = payload.value;
    if (!Array.isArray(input3)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input: input3,
        inst
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, Array(input3.length), ctx) : Array(input3.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input3.length; i++) {
      const item = input3[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input3, optin, optout) {
  const isPresent = key in input3;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input3, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input3) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input3[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input3, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input3, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input: input3,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input3 = payload.value;
    if (!isObject2(input3)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input: input3,
        inst
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input3[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input3, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input3, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input3, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
var $ZodObjectJIT = /* @__PURE__ */ $constructor("$ZodObjectJIT", (inst, def) => {
  $ZodObject.init(inst, def);
  const superParse = inst._zod.parse;
  const _normalized = cached(() => normalizeDef(def));
  const memo2 = globalConfig.memoizer;
  const generateFastpass = (shape) => {
    const normalized = _normalized.value;
    const syms = normalized.symbolKeys;
    const doc = new Doc(["payload", "ctx"], { shape, inst, memo: memo2, syms });
    const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
    const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
    doc.write(`const input = payload.value;`);
    const ids = /* @__PURE__ */ Object.create(null);
    let counter = 0;
    for (const key of normalized.allKeys) {
      ids[key] = `key_${counter++}`;
    }
    doc.write(memo2 ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
    for (const key of normalized.allKeys) {
      if (key === "__proto__")
        continue;
      const id = ids[key];
      const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
      const isPresent = `${k} in input`;
      const schema = shape[key];
      const optin = schema?._zod?.optin;
      const isOptionalIn = optin !== void 0;
      const isOptionalOut = schema?._zod?.optout === "optional";
      doc.write(`const ${id} = ${parseStr(k)};`);
      if (isOptionalIn && isOptionalOut) {
        const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
        doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
      } else if (!isOptionalIn) {
        doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
      } else {
        doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
        if (optin === "defaulted") {
          doc.write(`newResult[${k}] = ${id}.value;`);
        } else {
          doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
        }
      }
    }
    doc.write(`payload.value = newResult;`);
    doc.write(`return payload;`);
    return doc.compile();
  };
  let fastpass;
  const isObject2 = isObject;
  const jit = !globalConfig.jitless;
  const allowsEval2 = allowsEval;
  const fastEnabled = jit && allowsEval2.value;
  const catchall = def.catchall;
  let value;
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input3 = payload.value;
    if (!isObject2(input3)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input: input3,
        inst
      });
      return payload;
    }
    if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
      if (!fastpass)
        fastpass = generateFastpass(def.shape);
      payload = fastpass(payload, ctx);
      if (!catchall)
        return payload;
      return handleCatchall([], input3, payload, ctx, value, inst, ctx?.abortEarly === true);
    }
    return superParse(payload, ctx);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
function handleExclusiveUnionResults(results, final, inst, ctx) {
  const matches = [];
  for (let i = 0; i < results.length; i++) {
    if (results[i].issues.length === 0)
      matches.push(i);
  }
  if (matches.length === 1) {
    final.value = results[matches[0]].value;
    return final;
  }
  if (matches.length === 0) {
    final.issues.push({
      code: "invalid_union",
      input: final.value,
      inst,
      errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
    });
  } else {
    final.issues.push({
      code: "invalid_union",
      input: final.value,
      inst,
      errors: [],
      inclusive: false,
      matches
    });
  }
  return final;
}
var $ZodXor = /* @__PURE__ */ $constructor("$ZodXor", (inst, def) => {
  $ZodUnion.init(inst, def);
  def.inclusive = false;
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        results.push(result);
      }
    }
    if (!async)
      return handleExclusiveUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleExclusiveUnionResults(results2, payload, inst, ctx);
    });
  };
});
function getDiscriminatedOption(union2, value) {
  const internals = union2._zod;
  let map2 = internals.bag.optionsMap;
  if (!map2) {
    map2 = discriminatorMap(internals.def);
    internals.bag.optionsMap = map2;
  }
  const option = map2.get(value);
  if (option === null)
    throw new Error(`Ambiguous discriminator value "${String(value)}"`);
  return option;
}
function discriminatorMap(def) {
  const map2 = /* @__PURE__ */ new Map();
  for (const option of def.options) {
    const values = option._zod.propValues?.[def.discriminator];
    if (!values || values.size === 0)
      throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
    for (const value of values) {
      if (map2.has(value)) {
        if (value !== void 0)
          throw new Error(`Duplicate discriminator value "${String(value)}"`);
        map2.set(value, null);
      } else {
        map2.set(value, option);
      }
    }
  }
  return map2;
}
var $ZodDiscriminatedUnion = /* @__PURE__ */ $constructor("$ZodDiscriminatedUnion", (inst, def) => {
  def.inclusive = false;
  $ZodUnion.init(inst, def);
  const _super = inst._zod.parse;
  defineLazyInternal(inst, "propValues", (zod) => {
    const propValues = {};
    let undefinedCount = 0;
    for (const option of zod.def.options) {
      const pv = option._zod.propValues;
      if (!pv || Object.keys(pv).length === 0)
        throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
      if (pv[zod.def.discriminator]?.has(void 0))
        undefinedCount++;
      for (const [k, v] of Object.entries(pv)) {
        if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
          assignProp(propValues, k, /* @__PURE__ */ new Set());
        }
        for (const val of v) {
          propValues[k].add(val);
        }
      }
    }
    if (!zod.def.unionFallback && undefinedCount > 1)
      propValues[zod.def.discriminator]?.delete(void 0);
    return propValues;
  });
  def.options.forEach((option, i) => {
    const propShape = rawShape(option._zod.def);
    if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
      throw new Error(`Invalid discriminated union option at index "${i}"`);
    }
  });
  const disc = cached(() => discriminatorMap(def));
  inst._zod.parse = (payload, ctx) => {
    const input3 = payload.value;
    if (!isObject(input3)) {
      payload.issues.push({
        code: "invalid_type",
        expected: "object",
        input: input3,
        inst
      });
      return payload;
    }
    const value = input3?.[def.discriminator];
    const opt = disc.value.get(value);
    if (opt && (value !== void 0 || ctx.direction !== "backward")) {
      return opt._zod.run(payload, ctx);
    }
    if (def.unionFallback || ctx.direction === "backward") {
      return _super(payload, ctx);
    }
    payload.issues.push({
      code: "invalid_union",
      errors: [],
      note: "No matching discriminator",
      discriminator: def.discriminator,
      options: Array.from(disc.value.keys()).filter((value2) => disc.value.get(value2) !== null),
      input: input3,
      path: [def.discriminator],
      inst
    });
    return payload;
  };
});
var $ZodIntersection = /* @__PURE__ */ $constructor("$ZodIntersection", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input3 = payload.value;
    const left = def.left._zod.run({ value: input3, issues: [] }, ctx);
    const right = def.right._zod.run({ value: input3, issues: [] }, ctx);
    const async = left instanceof Promise || right instanceof Promise;
    if (async) {
      return Promise.all([left, right]).then(([left2, right2]) => {
        return handleIntersectionResults(payload, left2, right2);
      });
    }
    return handleIntersectionResults(payload, left, right);
  };
});
function mergeValues(a, b) {
  if (a === b) {
    return { valid: true, data: a };
  }
  if (a instanceof Date && b instanceof Date && +a === +b) {
    return { valid: true, data: a };
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const bKeys = Object.keys(b);
    const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
    const newObj = { ...a, ...b };
    if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
      delete newObj.__proto__;
    for (const key of sharedKeys) {
      if (key === "__proto__")
        continue;
      const sharedValue = mergeValues(a[key], b[key]);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [key, ...sharedValue.mergeErrorPath]
        };
      }
      newObj[key] = sharedValue.data;
    }
    return { valid: true, data: newObj };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      return { valid: false, mergeErrorPath: [] };
    }
    const newArray = [];
    for (let index = 0; index < a.length; index++) {
      const itemA = a[index];
      const itemB = b[index];
      const sharedValue = mergeValues(itemA, itemB);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [index, ...sharedValue.mergeErrorPath]
        };
      }
      newArray.push(sharedValue.data);
    }
    return { valid: true, data: newArray };
  }
  return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
  const unrecKeys = /* @__PURE__ */ new Map();
  let unrecIssue;
  const keyIssues = /* @__PURE__ */ new Map();
  const collect = (iss, side) => {
    let keys;
    if (iss.code === "unrecognized_keys" && !iss.path?.length) {
      unrecIssue ?? (unrecIssue = iss);
      keys = iss.keys;
    } else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
      const k = String(iss.path[0]);
      if (!keyIssues.has(k))
        keyIssues.set(k, iss);
      keys = [k];
    } else {
      return false;
    }
    for (const k of keys) {
      if (!unrecKeys.has(k))
        unrecKeys.set(k, {});
      unrecKeys.get(k)[side] = true;
    }
    return true;
  };
  for (const iss of left.issues) {
    if (!collect(iss, "l"))
      result.issues.push(iss);
  }
  for (const iss of right.issues) {
    if (!collect(iss, "r"))
      result.issues.push(iss);
  }
  const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
  if (bothKeys.length) {
    const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
    if (aggregated.length)
      result.issues.push({ ...unrecIssue, keys: aggregated });
    for (const k of bothKeys) {
      if (!aggregated.includes(k) && keyIssues.has(k))
        result.issues.push(keyIssues.get(k));
    }
  }
  const merged = mergeValues(left.value, right.value);
  if (!merged.valid) {
    if (aborted(result))
      return result;
    throw new Error(`Unmergable intersection. Error path: ${JSON.stringify(merged.mergeErrorPath)}`);
  }
  result.value = merged.data;
  return result;
}
var $ZodTuple = /* @__PURE__ */ $constructor("$ZodTuple", (inst, def) => {
  $ZodType.init(inst, def);
  const items = def.items;
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input3 = payload.value;
    if (!Array.isArray(input3)) {
      payload.issues.push({
        input: input3,
        inst,
        expected: "tuple",
        code: "invalid_type"
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, [], ctx) : [];
    const proms = [];
    const optinStart = getTupleOptStart(items, "optin");
    const optoutStart = getTupleOptStart(items, "optout");
    if (!def.rest) {
      if (input3.length < optinStart) {
        payload.issues.push({
          code: "too_small",
          minimum: optinStart,
          inclusive: true,
          input: input3,
          inst,
          origin: "array"
        });
        return payload;
      }
      if (input3.length > items.length) {
        payload.issues.push({
          code: "too_big",
          maximum: items.length,
          inclusive: true,
          input: input3,
          inst,
          origin: "array"
        });
      }
    }
    const itemResults = new Array(items.length);
    const abortEarly = def.rest ? ctx?.abortEarly : void 0;
    let itemAborted = false;
    for (let i = 0; i < items.length; i++) {
      const r = items[i]._zod.run({ value: input3[i], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((rr) => {
          itemResults[i] = rr;
        }));
      } else {
        itemResults[i] = r;
        if (abortEarly && !itemAborted && r.issues.length)
          itemAborted = aborted(r);
      }
    }
    if (def.rest && !itemAborted) {
      let i = items.length - 1;
      const rest = input3.slice(items.length);
      let seen = payload.issues.length;
      for (const el of rest) {
        if (abortEarly && payload.issues.length !== seen) {
          if (aborted(payload, seen))
            break;
          seen = payload.issues.length;
        }
        i++;
        const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((r) => handleTupleResult(r, payload, i)));
        } else {
          handleTupleResult(result, payload, i);
        }
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input3, optoutStart));
    }
    return handleTupleResults(itemResults, payload, items, input3, optoutStart);
  };
});
function getTupleOptStart(items, key) {
  for (let i = items.length - 1; i >= 0; i--) {
    const omittable = key === "optin" ? items[i]._zod.optin !== void 0 : items[i]._zod.optout === "optional";
    if (!omittable)
      return i + 1;
  }
  return 0;
}
function handleTupleResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input3, optoutStart) {
  for (let i = 0; i < items.length; i++) {
    const r = itemResults[i];
    const isPresent = i < input3.length;
    if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
      final.value.length = i;
      break;
    }
    if (r.issues.length) {
      if (!isPresent && i >= optoutStart) {
        final.value.length = i;
        break;
      }
      final.issues.push(...prefixIssues(i, r.issues));
    }
    final.value[i] = r.value;
  }
  for (let i = final.value.length - 1; i >= input3.length; i--) {
    if (items[i]._zod.optout === "optional" && final.value[i] === void 0) {
      final.value.length = i;
    } else {
      break;
    }
  }
  return final;
}
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input3 = payload.value;
    if (!isPlainObject(input3)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input: input3,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input3[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input3) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input3[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input: input3,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input3)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input3, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input3[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input3[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input: input3,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodMap = /* @__PURE__ */ $constructor("$ZodMap", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input3 = payload.value;
    if (!(input3 instanceof Map)) {
      payload.issues.push({
        expected: "map",
        code: "invalid_type",
        input: input3,
        inst
      });
      return payload;
    }
    const proms = [];
    payload.value = memo2 ? memo2.alloc(inst, payload, /* @__PURE__ */ new Map(), ctx) : /* @__PURE__ */ new Map();
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const [key, value] of input3) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
      const valueResult = def.valueType._zod.run({ value, issues: [] }, ctx);
      if (keyResult instanceof Promise || valueResult instanceof Promise) {
        proms.push(Promise.all([keyResult, valueResult]).then(([keyResult2, valueResult2]) => {
          handleMapResult(keyResult2, valueResult2, payload, key, input3, inst, ctx);
        }));
      } else {
        handleMapResult(keyResult, valueResult, payload, key, input3, inst, ctx);
      }
    }
    if (proms.length)
      return Promise.all(proms).then(() => payload);
    return payload;
  };
  capSize(inst, mapSize);
});
function handleMapResult(keyResult, valueResult, final, key, input3, inst, ctx) {
  if (keyResult.issues.length) {
    if (propertyKeyTypes.has(typeof key)) {
      final.issues.push(...prefixIssues(key, keyResult.issues));
    } else {
      final.issues.push({
        code: "invalid_key",
        origin: "map",
        input: input3,
        inst,
        issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config()))
      });
    }
  }
  if (valueResult.issues.length) {
    if (propertyKeyTypes.has(typeof key)) {
      final.issues.push(...prefixIssues(key, valueResult.issues));
    } else {
      final.issues.push({
        origin: "map",
        code: "invalid_element",
        input: input3,
        inst,
        key,
        issues: valueResult.issues.map((iss) => finalizeIssue(iss, ctx, config()))
      });
    }
  }
  final.value.set(keyResult.value, valueResult.value);
}
var $ZodSet = /* @__PURE__ */ $constructor("$ZodSet", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input3 = payload.value;
    if (!(input3 instanceof Set)) {
      payload.issues.push({
        input: input3,
        inst,
        expected: "set",
        code: "invalid_type"
      });
      return payload;
    }
    const proms = [];
    payload.value = memo2 ? memo2.alloc(inst, payload, /* @__PURE__ */ new Set(), ctx) : /* @__PURE__ */ new Set();
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const item of input3) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleSetResult(result2, payload)));
      } else
        handleSetResult(result, payload);
    }
    if (proms.length)
      return Promise.all(proms).then(() => payload);
    return payload;
  };
  capSize(inst, setSize);
});
function handleSetResult(result, final) {
  if (result.issues.length) {
    final.issues.push(...result.issues);
  }
  final.value.add(result.value);
}
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input3 = payload.value;
    if (valuesSet.has(input3)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input: input3,
      inst
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const values = new Set(def.values);
  inst._zod.values = values;
  defineLazyInternal(inst, "pattern", (zod) => {
    const vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input3 = payload.value;
    if (values.has(input3)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values: def.values,
      input: input3,
      inst
    });
    return payload;
  };
});
var $ZodFile = /* @__PURE__ */ $constructor("$ZodFile", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    const input3 = payload.value;
    if (input3 instanceof File)
      return payload;
    payload.issues.push({
      expected: "file",
      code: "invalid_type",
      input: input3,
      inst
    });
    return payload;
  };
});
var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "optional";
  globalConfig.memoizer?.guard(inst);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    const _out = def.transform(payload.value, payload);
    if (ctx.async) {
      const output2 = _out instanceof Promise ? _out : Promise.resolve(_out);
      return output2.then((output3) => {
        payload.value = output3;
        return payload;
      });
    }
    if (_out instanceof Promise) {
      throw new $ZodAsyncError();
    }
    payload.value = _out;
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodExactOptional = /* @__PURE__ */ $constructor("$ZodExactOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
  inst._zod.parse = (payload, ctx) => {
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
  });
  defineLazyInternal(inst, "values", (zod) => {
    return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === null)
      return payload;
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
      return payload;
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleDefaultResult(result2, def));
    }
    return handleDefaultResult(result, def);
  };
});
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
var $ZodPrefault = /* @__PURE__ */ $constructor("$ZodPrefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNonOptional = /* @__PURE__ */ $constructor("$ZodNonOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => {
    const v = zod.def.innerType._zod.values;
    return v ? new Set([...v].filter((x) => x !== void 0)) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleNonOptionalResult(result2, inst));
    }
    return handleNonOptionalResult(result, inst);
  };
});
function handleNonOptionalResult(payload, inst) {
  if (!payload.issues.length && payload.value === void 0) {
    payload.issues.push({
      code: "invalid_type",
      expected: "nonoptional",
      input: payload.value,
      inst
    });
  }
  return payload;
}
var $ZodSuccess = /* @__PURE__ */ $constructor("$ZodSuccess", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      throw new $ZodEncodeError("ZodSuccess");
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => {
        payload.value = result2.issues.length === 0;
        return payload;
      });
    }
    payload.value = result.issues.length === 0;
    return payload;
  };
});
function handleCatchResult(payload, result, def, ctx) {
  if (!result.issues.length) {
    payload.value = result.value;
    if (result.memo)
      payload.memo = true;
    return payload;
  }
  payload.value = def.catchValue({
    ...result,
    value: payload.value,
    error: {
      issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config()))
    },
    input: payload.value
  });
  return payload;
}
var $ZodCatch = /* @__PURE__ */ $constructor("$ZodCatch", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleCatchResult(payload, result2, def, ctx));
    }
    return handleCatchResult(payload, result, def, ctx);
  };
});
var $ZodNaN = /* @__PURE__ */ $constructor("$ZodNaN", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
      payload.issues.push({
        input: payload.value,
        inst,
        expected: "nan",
        code: "invalid_type"
      });
      return payload;
    }
    return payload;
  };
});
var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      const right = def.out._zod.run(payload, ctx);
      if (right instanceof Promise) {
        return right.then((right2) => handlePipeResult(right2, def.in, ctx));
      }
      return handlePipeResult(right, def.in, ctx);
    }
    const left = def.in._zod.run(payload, ctx);
    if (left instanceof Promise) {
      return left.then((left2) => handlePipeResult(left2, def.out, ctx));
    }
    return handlePipeResult(left, def.out, ctx);
  };
});
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
var $ZodCodec = /* @__PURE__ */ $constructor("$ZodCodec", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
  inst._zod.parse = (payload, ctx) => {
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
      const left = def.in._zod.run(payload, ctx);
      if (left instanceof Promise) {
        return left.then((left2) => handleCodecAResult(left2, def, ctx));
      }
      return handleCodecAResult(left, def, ctx);
    } else {
      const right = def.out._zod.run(payload, ctx);
      if (right instanceof Promise) {
        return right.then((right2) => handleCodecAResult(right2, def, ctx));
      }
      return handleCodecAResult(right, def, ctx);
    }
  };
});
function handleCodecAResult(result, def, ctx) {
  if (result.issues.length) {
    result.aborted = true;
    return result;
  }
  const direction = ctx.direction || "forward";
  if (direction === "forward") {
    const transformed = def.transform(result.value, result);
    if (transformed instanceof Promise) {
      return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
    }
    return handleCodecTxResult(result, transformed, def.out, ctx);
  } else {
    const transformed = def.reverseTransform(result.value, result);
    if (transformed instanceof Promise) {
      return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
    }
    return handleCodecTxResult(result, transformed, def.in, ctx);
  }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
  if (left.issues.length) {
    left.aborted = true;
    return left;
  }
  return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
var $ZodPreprocess = /* @__PURE__ */ $constructor("$ZodPreprocess", (inst, def) => {
  $ZodPipe.init(inst, def);
});
var $ZodReadonly = /* @__PURE__ */ $constructor("$ZodReadonly", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then(handleReadonlyResult);
    }
    return handleReadonlyResult(result);
  };
});
function handleReadonlyResult(payload) {
  if (!payload.memo)
    payload.value = Object.freeze(payload.value);
  return payload;
}
function leafPattern(schema) {
  const def = schema._zod.def;
  let pattern = def.pattern;
  let isInt = !!def.format?.includes("int");
  let minimum;
  let maximum;
  for (const ch of def.checks ?? []) {
    const d = ch._zod.def;
    if (d.pattern)
      pattern = d.pattern;
    isInt || (isInt = !!d.format?.includes("int"));
    const lo = d.minimum ?? d.length;
    const hi = d.maximum ?? d.length;
    if (lo !== void 0 && (minimum === void 0 || lo > minimum))
      minimum = lo;
    if (hi !== void 0 && (maximum === void 0 || hi < maximum))
      maximum = hi;
  }
  if (pattern)
    return pattern.source;
  if (minimum !== void 0 && maximum !== void 0 && minimum > maximum)
    return "(?!)";
  if (minimum !== void 0 || maximum !== void 0)
    return string({ minimum, maximum }).source;
  const own2 = schema._zod.pattern;
  return (isInt && own2 === number ? integer : own2)?.source;
}
function partPattern(schema) {
  const def = schema._zod.def;
  const own2 = schema._zod.pattern?.source;
  const inner = def.innerType ?? schema._zod.innerType;
  if (inner) {
    const before = inner._zod.pattern?.source;
    const after = partPattern(inner);
    if (own2 && before && after && after !== before) {
      return own2.replace(cleanRegex(before), () => cleanRegex(after));
    }
    return own2;
  }
  if (def.options) {
    const sources = def.options.map(partPattern);
    if (sources.every(Boolean))
      return `^(${sources.map((s) => cleanRegex(s)).join("|")})$`;
  }
  return leafPattern(schema);
}
var $ZodTemplateLiteral = /* @__PURE__ */ $constructor("$ZodTemplateLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const regexParts = [];
  for (const part of def.parts) {
    if (typeof part === "object" && part !== null) {
      const source = partPattern(part);
      if (!source) {
        throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
      }
      regexParts.push(cleanRegex(source));
    } else if (part === null || primitiveTypes.has(typeof part)) {
      regexParts.push(escapeRegex(`${part}`));
    } else {
      throw new Error(`Invalid template literal part: ${part}`);
    }
  }
  inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
  inst._zod.parse = (payload, _ctx) => {
    if (typeof payload.value !== "string") {
      payload.issues.push({
        input: payload.value,
        inst,
        expected: "string",
        code: "invalid_type"
      });
      return payload;
    }
    inst._zod.pattern.lastIndex = 0;
    if (!inst._zod.pattern.test(payload.value)) {
      payload.issues.push({
        input: payload.value,
        inst,
        code: "invalid_format",
        format: def.format ?? "template_literal",
        pattern: inst._zod.pattern.source
      });
      return payload;
    }
    return payload;
  };
});
var $ZodFunction = /* @__PURE__ */ $constructor("$ZodFunction", (inst, def) => {
  $ZodType.init(inst, def);
  Object.defineProperty(inst, "_def", { value: def });
  inst._zod.def = def;
  inst.implement = (func) => {
    if (typeof func !== "function") {
      throw new Error("implement() must be called with a function");
    }
    return Object.defineProperty(function(...args) {
      const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
      const result = Reflect.apply(func, this, parsedArgs);
      if (inst._def.output) {
        return parse(inst._def.output, result);
      }
      return result;
    }, "_zod", { value: inst._zod, enumerable: false });
  };
  inst.implementAsync = (func) => {
    if (typeof func !== "function") {
      throw new Error("implementAsync() must be called with a function");
    }
    return Object.defineProperty(async function(...args) {
      const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
      const result = await Reflect.apply(func, this, parsedArgs);
      if (inst._def.output) {
        return await parseAsync(inst._def.output, result);
      }
      return result;
    }, "_zod", { value: inst._zod, enumerable: false });
  };
  inst._zod.parse = (payload, _ctx) => {
    if (typeof payload.value !== "function") {
      payload.issues.push({
        code: "invalid_type",
        expected: "function",
        input: payload.value,
        inst
      });
      return payload;
    }
    const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
    if (hasPromiseOutput) {
      payload.value = inst.implementAsync(payload.value);
    } else {
      payload.value = inst.implement(payload.value);
    }
    return payload;
  };
  inst.input = (...args) => {
    const F = inst.constructor;
    if (Array.isArray(args[0])) {
      return new F({
        type: "function",
        input: new $ZodTuple({
          type: "tuple",
          items: args[0],
          rest: args[1]
        }),
        output: inst._def.output
      });
    }
    return new F({
      type: "function",
      input: args[0],
      output: inst._def.output
    });
  };
  inst.output = (output2) => {
    const F = inst.constructor;
    return new F({
      type: "function",
      input: inst._def.input,
      output: output2
    });
  };
  return inst;
});
var $ZodPromise = /* @__PURE__ */ $constructor("$ZodPromise", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
  };
});
var $ZodLazy = /* @__PURE__ */ $constructor("$ZodLazy", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazy(inst._zod, "innerType", () => {
    const d = def;
    if (!d._cachedInner)
      d._cachedInner = def.getter();
    return d._cachedInner;
  });
  defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
  defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
  defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? void 0);
  inst._zod.parse = (payload, ctx) => {
    const inner = inst._zod.innerType;
    return inner._zod.run(payload, ctx);
  };
});
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input3 = payload.value;
    const r = def.fn(input3);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input3, inst));
    }
    handleRefineResult(r, payload, input3, inst);
    return;
  };
});
function handleRefineResult(result, payload, input3, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input: input3,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// node_modules/zod/v4/core/memoizer.js
var $ZodCyclicError = class extends Error {
  constructor() {
    super(`Cannot parse a reference cycle that closes through a transform`);
    this.name = "ZodCyclicError";
  }
};
var STATE = "~memo";
var NO_ISSUES = [];
function isRef(value) {
  return value !== null && typeof value === "object";
}
function cloneIssues(issues) {
  return issues.map((iss) => iss.path ? { ...iss, path: iss.path.slice() } : { ...iss });
}
var recursive = /* @__PURE__ */ new WeakMap();
var NONE = 0;
var ASSUMED = 1;
var PROVEN = 2;
function isRecursive(inst, stack, resolve8) {
  const cached2 = recursive.get(inst);
  if (cached2 !== void 0)
    return cached2 ? PROVEN : NONE;
  if (stack.has(inst))
    return PROVEN;
  stack.add(inst);
  let result = NONE;
  const check3 = (child) => {
    if (result !== PROVEN && child?._zod) {
      const answer = isRecursive(child, stack, resolve8);
      if (answer > result)
        result = answer;
    }
  };
  const shape = (sh, spread) => {
    let answer = NONE;
    for (const key of Reflect.ownKeys(sh)) {
      const desc = Object.getOwnPropertyDescriptor(sh, key);
      if (spread && !desc.enumerable)
        continue;
      const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve8) : NONE;
      if (child > answer)
        answer = child;
    }
    return answer;
  };
  const merge2 = (answer) => {
    if (answer > result)
      result = answer;
  };
  const def = inst._zod.def;
  const kind = def.type;
  switch (kind) {
    case "object": {
      const raw = rawShape(def);
      merge2(raw ? shape(raw, true) : ASSUMED);
      check3(def.catchall);
      break;
    }
    case "array":
      check3(def.element);
      break;
    case "tuple":
      for (const el of def.items)
        check3(el);
      check3(def.rest);
      break;
    case "record":
    case "map":
      check3(def.keyType);
      check3(def.valueType);
      break;
    case "set":
      check3(def.valueType);
      break;
    case "union":
      for (const el of def.options)
        check3(el);
      break;
    case "intersection":
      check3(def.left);
      check3(def.right);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
    case "promise":
    case "success":
      check3(def.innerType);
      break;
    case "pipe":
      check3(def.in);
      check3(def.out);
      break;
    case "function":
      check3(def.input);
      check3(def.output);
      break;
    // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
    case "lazy": {
      const inner = def._cachedInner ?? (resolve8 ? inst._zod.innerType : void 0);
      merge2(inner ? isRecursive(inner, stack, false) : ASSUMED);
      break;
    }
    // a leaf by choice: `parts` are regex fragments, not data positions
    case "template_literal":
    // leaves
    case "string":
    case "number":
    case "int":
    case "boolean":
    case "bigint":
    case "symbol":
    case "undefined":
    case "null":
    case "void":
    case "never":
    case "any":
    case "unknown":
    case "date":
    case "nan":
    case "enum":
    case "literal":
    case "file":
    case "transform":
    case "custom":
      break;
    default: {
      kind;
      for (const key in def) {
        const desc = Object.getOwnPropertyDescriptor(def, key);
        if (!desc || desc.get)
          continue;
        const value = desc.value;
        if (!value || typeof value !== "object")
          continue;
        if (value._zod)
          check3(value);
        else if (Array.isArray(value))
          for (const el of value)
            check3(el);
      }
    }
  }
  stack.delete(inst);
  return settle(inst, result);
}
function settle(inst, answer) {
  if (answer !== ASSUMED)
    recursive.set(inst, answer === PROVEN);
  return answer;
}
function isRecursiveSchema(inst) {
  return isRecursive(inst, /* @__PURE__ */ new Set(), true) !== NONE;
}
function bucketFor(state, inst) {
  let bucket = state.buckets.get(inst);
  if (!bucket) {
    bucket = /* @__PURE__ */ new WeakMap();
    state.buckets.set(inst, bucket);
  }
  return bucket;
}
var handoff;
var open = [];
var memo = {
  alloc(_inst, payload, empty) {
    const bucket = handoff;
    if (!bucket)
      return empty;
    handoff = void 0;
    const entry = { value: empty, issues: null };
    bucket.set(payload.value, entry);
    open.push(entry);
    return empty;
  },
  guard(inst) {
    var _a3;
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred.push(() => {
      const base = inst._zod.parse;
      const wrapped = (payload, ctx) => {
        if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
          throw new $ZodCyclicError();
        return base(payload, ctx);
      };
      inst._zod.parse = wrapped;
      if (inst._zod.run === base)
        inst._zod.run = wrapped;
    });
  },
  attach(inst) {
    var _a3;
    let isRecursiveInst;
    let rechecked = false;
    let lastCtx;
    let lastBucket;
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred.push(() => {
      const base = inst._zod.parse;
      const wrapped = (payload, ctx) => {
        if (isRecursiveInst === void 0) {
          const walked = isRecursive(inst, /* @__PURE__ */ new Set(), false);
          if (walked === NONE) {
            inst._zod.parse = base;
            if (inst._zod.run === wrapped)
              inst._zod.run = base;
            return base(payload, ctx);
          }
          if (walked === PROVEN || rechecked)
            isRecursiveInst = true;
          else
            rechecked = true;
        }
        const input3 = payload.value;
        if (!isRef(input3))
          return base(payload, ctx);
        let state = ctx[STATE];
        if (!state) {
          state = { buckets: /* @__PURE__ */ new WeakMap(), backEdges: void 0 };
          ctx[STATE] = state;
        }
        let bucket;
        if (lastCtx === ctx) {
          bucket = lastBucket;
        } else {
          bucket = bucketFor(state, inst);
          lastCtx = ctx;
          lastBucket = bucket;
        }
        const hit = bucket.get(input3);
        if (hit) {
          payload.value = hit.value;
          if (hit.issues) {
            if (hit.issues.length)
              payload.issues.push(...cloneIssues(hit.issues));
          } else {
            payload.memo = true;
            state.backEdges ?? (state.backEdges = /* @__PURE__ */ new WeakSet());
            state.backEdges.add(hit.value);
          }
          return payload;
        }
        handoff = bucket;
        const depth = open.length;
        const result = base(payload, ctx);
        handoff = void 0;
        const entry = open.length > depth ? open.pop() : void 0;
        if (result instanceof Promise) {
          return result.then((r) => {
            if (entry)
              entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
            return r;
          });
        }
        if (entry)
          entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
        return result;
      };
      inst._zod.parse = wrapped;
      if (inst._zod.run === base)
        inst._zod.run = wrapped;
    });
  }
};
function memoizer() {
  return memo;
}
function isBackEdge(ctx, value) {
  const backEdges = ctx[STATE]?.backEdges;
  return backEdges !== void 0 && isRef(value) && backEdges.has(value);
}

// zod-english-only:zod/v4/locales/index.js
var locales_exports = {};
__export(locales_exports, {
  en: () => en_default
});

// node_modules/zod/v4/locales/en.js
var error = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input3) {
    if (type === "number" && typeof input3 === "number" && !Number.isFinite(input3)) {
      return String(input3);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue2) => {
    switch (issue2.code) {
      case "invalid_type": {
        const expected = getTypeName(issue2.expected);
        const receivedType = parsedType(issue2.input);
        const received = getTypeName(receivedType, issue2.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        if (issue2.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
      case "too_big": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
        return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue2;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue2.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue2.origin}`;
      case "invalid_union":
        if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
          const opts = issue2.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue2.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue2.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// node_modules/zod/v4/core/registries.js
var _a2;
var $output = /* @__PURE__ */ Symbol("ZodOutput");
var $input = /* @__PURE__ */ Symbol("ZodInput");
var $ZodRegistry = class {
  constructor() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
  }
  add(schema, ..._meta) {
    const meta3 = _meta[0];
    this._map.set(schema, meta3);
    if (meta3 && typeof meta3 === "object" && "id" in meta3) {
      this._idmap.set(meta3.id, schema);
    }
    return this;
  }
  clear() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
    return this;
  }
  remove(schema) {
    const meta3 = this._map.get(schema);
    if (meta3 && typeof meta3 === "object" && "id" in meta3) {
      this._idmap.delete(meta3.id);
    }
    this._map.delete(schema);
    return this;
  }
  get(schema) {
    const p = schema._zod.parent;
    if (p) {
      const pm = { ...this.get(p) ?? {} };
      delete pm.id;
      const f = { ...pm, ...this._map.get(schema) };
      return Object.keys(f).length ? f : void 0;
    }
    return this._map.get(schema);
  }
  has(schema) {
    return this._map.has(schema);
  }
};
function registry() {
  return new $ZodRegistry();
}
(_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
var globalRegistry = globalThis.__zod_globalRegistry;

// node_modules/zod/v4/core/compile.js
var INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
var FALLBACK_FLAG = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
var ZodCompileAsyncError = class extends Error {
  constructor(message = "z.compile does not support async refinements, transforms, or checks") {
    super(message);
    this.name = "ZodCompileAsyncError";
  }
};
var ZodCompileUnsupportedError = class extends Error {
  constructor(feature, islandable = true) {
    super(`z.compile does not support ${feature}; this schema must use the runtime parser`);
    this.name = "ZodCompileUnsupportedError";
    this.islandable = islandable;
  }
};
function compileValidator(schema, parser) {
  try {
    return compileFn(schema, { assertOnly: true });
  } catch {
    return parser;
  }
}
function compile(schema, options) {
  try {
    const parser = compileFn(schema);
    const clone2 = withParser(schema, parser);
    clone2._zod.bag.validator = compileValidator(schema, parser);
    return clone2;
  } catch (err) {
    if (options?.strict)
      throw err;
    return schema;
  }
}
function withParser(schema, parser) {
  if (isRecursiveSchema(schema)) {
    throw new ZodCompileUnsupportedError("a schema whose subtree contains a reference cycle");
  }
  const clone2 = clone(schema);
  const liveRun = schema._zod.run;
  const originalRun = liveRun.__originalRun ?? liveRun;
  const wrapped = (payload, ctx) => {
    if (ctx?.async || ctx?.direction === "backward" || ctx?.skipChecks || ctx?.[FALLBACK_FLAG]) {
      return originalRun(payload, ctx);
    }
    if (ctx && isBackEdge(ctx, payload.value)) {
      return originalRun(payload, ctx);
    }
    const out = parser(payload.value);
    if (out !== INVALID) {
      payload.value = out;
      return payload;
    }
    if (ctx)
      ctx[FALLBACK_FLAG] = true;
    return originalRun(payload, ctx);
  };
  wrapped.__originalRun = originalRun;
  clone2._zod.bag.fallbackRun = originalRun;
  clone2._zod.bag.validator = parser;
  clone2._zod.run = wrapped;
  if (!liveRun.__originalRun)
    installCompiledUserMethods(clone2, schema, parser);
  return clone2;
}
function installCompiledUserMethods(target, source, parser) {
  const targetAny = target;
  const sourceAny = source;
  if (typeof sourceAny.safeParse === "function") {
    const originalSafeParse = sourceAny.safeParse;
    targetAny.safeParse = (data, params) => {
      const out = parser(data);
      if (out !== INVALID) {
        return { success: true, data: out };
      }
      return originalSafeParse(data, params);
    };
  }
  if (typeof sourceAny.parse === "function") {
    const originalParse = sourceAny.parse;
    targetAny.parse = (data, params) => {
      const out = parser(data);
      if (out !== INVALID) {
        return out;
      }
      return originalParse(data, params);
    };
  }
}
function compileFn(schema, options) {
  let recursive2 = true;
  try {
    recursive2 = isRecursiveSchema(schema);
  } catch {
  }
  if (recursive2) {
    throw new ZodCompileUnsupportedError("a schema whose subtree contains a reference cycle");
  }
  const ctx = {
    constants: /* @__PURE__ */ new Map(),
    constantCounter: 0,
    varCounter: 0,
    definite: true
  };
  const doc = new Doc(["input"]);
  const outputAccessor = generateCheck(doc, ctx, schema, "input", !options?.assertOnly);
  doc.write(outputAccessor === null ? `return true;` : `return ${outputAccessor};`);
  const constantNames = ["INVALID", ...ctx.constants.keys()];
  const constantValues = [INVALID, ...ctx.constants.values()];
  const code = doc.content.join("\n");
  const fullCode = options?.debug ? constantNames.length > 0 ? `// Constants: ${constantNames.join(", ")}
${code}` : code : "";
  const F = Function;
  const factoryCode = `return (input) => {
${code}
}`;
  let fn;
  try {
    const factory = new F(...constantNames, factoryCode);
    fn = factory(...constantValues);
  } catch (err) {
    throw new ZodCompileUnsupportedError(`this schema (generated code failed to evaluate: ${err.message})`);
  }
  if (options?.debug) {
    fn.code = fullCode;
  }
  fn.definite = ctx.definite;
  return fn;
}
function addConstant(ctx, value) {
  for (const [name2, v] of ctx.constants) {
    if (v === value)
      return name2;
  }
  const name = `c${ctx.constantCounter++}`;
  ctx.constants.set(name, value);
  return name;
}
function addUserConstant(ctx, fn) {
  ctx.definite = false;
  return addConstant(ctx, fn);
}
function newVar(ctx) {
  return `v${ctx.varCounter++}`;
}
function runtimeRun(schema, value) {
  const result = schema._zod.run({ value, issues: [] }, {});
  if (result && typeof result.then === "function")
    return INVALID;
  const r = result;
  return r.issues.length === 0 ? r.value : INVALID;
}
function compileChild(doc, ctx, schema, accessor, needsValue = true) {
  const contentLen = doc.content.length;
  const constantCount = ctx.constants.size;
  const constantCounter = ctx.constantCounter;
  const varCounter = ctx.varCounter;
  try {
    return generateCheck(doc, ctx, schema, accessor, needsValue);
  } catch (err) {
    if (!(err instanceof ZodCompileUnsupportedError) || !err.islandable)
      throw err;
    doc.content.length = contentLen;
    if (ctx.constants.size > constantCount) {
      const trailing = Array.from(ctx.constants.keys()).slice(constantCount);
      for (const k of trailing)
        ctx.constants.delete(k);
    }
    ctx.constantCounter = constantCounter;
    ctx.varCounter = varCounter;
    return emitRuntimeIsland(doc, ctx, schema, accessor);
  }
}
function emitRuntimeIsland(doc, ctx, schema, accessor) {
  ctx.definite = false;
  const schemaConst = addConstant(ctx, schema);
  const runConst = addConstant(ctx, runtimeRun);
  const outVar = newVar(ctx);
  doc.write(`const ${outVar} = ${runConst}(${schemaConst}, ${accessor});`);
  doc.write(`if (${outVar} === INVALID) return INVALID;`);
  return outVar;
}
var WHEN_DEFAULTED_CHECKS = /* @__PURE__ */ new Set([
  "max_size",
  "min_size",
  "size_equals",
  "max_length",
  "min_length",
  "length_equals"
]);
function generateChecks(doc, ctx, schema, accessor) {
  const schemaChecks = schema._zod.def.checks;
  if (!schemaChecks || schemaChecks.length === 0)
    return accessor;
  let currentAccessor = accessor;
  for (const check3 of schemaChecks) {
    const def = check3._zod.def;
    if (def.when && !WHEN_DEFAULTED_CHECKS.has(def.check)) {
      throw new ZodCompileUnsupportedError(`check with a custom "when" condition`);
    }
    switch (def.check) {
      case "greater_than":
        generateGreaterThanCheck(doc, ctx, def, currentAccessor);
        break;
      case "less_than":
        generateLessThanCheck(doc, ctx, def, currentAccessor);
        break;
      case "multiple_of":
        generateMultipleOfCheck(doc, ctx, def, currentAccessor);
        break;
      case "number_format":
        generateNumberFormatCheck(doc, def, currentAccessor);
        break;
      case "min_length": {
        const min = numericOperand(def.minimum, "min_length");
        const len = codePointLengthVar(doc, ctx, currentAccessor, `${currentAccessor}.length >= ${min} && ${currentAccessor}.length < ${def.minimum * 2}`);
        doc.write(`if (${len} < ${min}) return INVALID;`);
        break;
      }
      case "max_length": {
        const max = numericOperand(def.maximum, "max_length");
        const len = codePointLengthVar(doc, ctx, currentAccessor, `${currentAccessor}.length > ${max}`);
        doc.write(`if (${len} > ${max}) return INVALID;`);
        break;
      }
      case "length_equals": {
        const exact = numericOperand(def.length, "length_equals");
        const len = codePointLengthVar(doc, ctx, currentAccessor, `${currentAccessor}.length >= ${exact} && ${currentAccessor}.length <= ${def.length * 2}`);
        doc.write(`if (${len} !== ${exact}) return INVALID;`);
        break;
      }
      case "min_size":
        doc.write(`if (${currentAccessor}.size < ${numericOperand(def.minimum, "min_size")}) return INVALID;`);
        break;
      case "max_size":
        doc.write(`if (${currentAccessor}.size > ${numericOperand(def.maximum, "max_size")}) return INVALID;`);
        break;
      case "size_equals":
        doc.write(`if (${currentAccessor}.size !== ${numericOperand(def.size, "size_equals")}) return INVALID;`);
        break;
      case "string_format":
        currentAccessor = generateStringFormatCheck(doc, ctx, def, currentAccessor);
        break;
      case "custom":
        currentAccessor = generateCustomRefineCheck(doc, ctx, check3, currentAccessor);
        break;
      case "bigint_format":
        generateBigIntFormatCheck(doc, def, currentAccessor);
        break;
      case "mime_type":
        generateMimeTypeCheck(doc, ctx, def, currentAccessor);
        break;
      case "property":
        generatePropertyCheck(doc, ctx, def, currentAccessor);
        break;
      case "properties":
        generatePropertiesChecks(doc, ctx, def, currentAccessor);
        break;
      case "overwrite": {
        const newAccessor = newVar(ctx);
        generateOverwriteCheck(doc, ctx, check3, currentAccessor, newAccessor);
        currentAccessor = newAccessor;
        break;
      }
      default: {
        void def;
        throw new ZodCompileUnsupportedError(`check type ${def.check}`);
      }
    }
  }
  return currentAccessor;
}
function codePointLengthVar(doc, ctx, accessor, inDoubt) {
  const cpLen = addConstant(ctx, codePointLength);
  const v = newVar(ctx);
  doc.write(`const ${v} = typeof ${accessor} === "string" && ${inDoubt} ? ${cpLen}(${accessor}) : ${accessor}.length;`);
  return v;
}
function numericOperand(value, label) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ZodCompileUnsupportedError(`${label} bound of type ${typeof value}`);
  }
  return `${value}`;
}
function comparisonOperand(ctx, value) {
  if (typeof value === "bigint")
    return `${value}n`;
  if (typeof value === "number") {
    if (Number.isNaN(value))
      throw new ZodCompileUnsupportedError("comparison check with NaN bound");
    return `${value}`;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new ZodCompileUnsupportedError("comparison check with Invalid Date bound");
    }
    return addConstant(ctx, value);
  }
  throw new ZodCompileUnsupportedError(`comparison check bound of type ${typeof value}`);
}
function generateGreaterThanCheck(doc, ctx, def, accessor) {
  const op = def.inclusive ? "<" : "<=";
  doc.write(`if (${accessor} ${op} ${comparisonOperand(ctx, def.value)}) return INVALID;`);
}
function generateLessThanCheck(doc, ctx, def, accessor) {
  const op = def.inclusive ? ">" : ">=";
  doc.write(`if (${accessor} ${op} ${comparisonOperand(ctx, def.value)}) return INVALID;`);
}
function generateMultipleOfCheck(doc, ctx, def, accessor) {
  if (typeof def.value === "bigint") {
    if (def.value === BigInt(0))
      throw new ZodCompileUnsupportedError("multiple_of check with a zero divisor");
    doc.write(`if (${accessor} % ${def.value}n !== 0n) return INVALID;`);
  } else {
    const remainder = addConstant(ctx, floatSafeRemainder);
    doc.write(`if (${remainder}(${accessor}, ${numericOperand(def.value, "multiple_of")}) !== 0) return INVALID;`);
  }
}
function generateNumberFormatCheck(doc, def, accessor) {
  const format = def.format;
  switch (format) {
    case "safeint":
      doc.write(`if (!Number.isSafeInteger(${accessor})) return INVALID;`);
      break;
    case "int32":
      doc.write(`if (!Number.isInteger(${accessor}) || ${accessor} < -2147483648 || ${accessor} > 2147483647) return INVALID;`);
      break;
    case "uint32":
      doc.write(`if (!Number.isInteger(${accessor}) || ${accessor} < 0 || ${accessor} > 4294967295) return INVALID;`);
      break;
    case "float32":
      doc.write(`if (!Number.isFinite(${accessor}) || ${accessor} < -3.4028234663852886e38 || ${accessor} > 3.4028234663852886e38) return INVALID;`);
      break;
    case "float64":
      doc.write(`if (!Number.isFinite(${accessor})) return INVALID;`);
      break;
    default: {
      void format;
      throw new ZodCompileUnsupportedError(`number format ${format}`);
    }
  }
}
function generateBigIntFormatCheck(doc, def, accessor) {
  const format = def.format;
  if (!format)
    return;
  switch (format) {
    case "int64":
      doc.write(`if (${accessor} < -9223372036854775808n || ${accessor} > 9223372036854775807n) return INVALID;`);
      break;
    case "uint64":
      doc.write(`if (${accessor} < 0n || ${accessor} > 18446744073709551615n) return INVALID;`);
      break;
    default: {
      void format;
      throw new ZodCompileUnsupportedError(`bigint format ${format}`);
    }
  }
}
function generateMimeTypeCheck(doc, ctx, def, accessor) {
  const mimeTypes = def.mime;
  if (mimeTypes && mimeTypes.length > 0) {
    const mimeSet = addConstant(ctx, new Set(mimeTypes));
    doc.write(`if (!${mimeSet}.has(${accessor}.type)) return INVALID;`);
  }
}
function generatePropertiesChecks(doc, ctx, def, accessor) {
  if (def.when) {
    throw new ZodCompileUnsupportedError(`check with a custom "when" condition`);
  }
  doc.write(`if (${accessor} == null) return INVALID;`);
  const shape = def.shape;
  for (const key of Reflect.ownKeys(shape)) {
    const keyExpr = typeof key === "symbol" ? addConstant(ctx, key) : esc(key);
    const inputVar = newVar(ctx);
    doc.write(`const ${inputVar} = ${accessor}[${keyExpr}];`);
    compileChild(doc, ctx, shape[key], inputVar, false);
  }
}
function generatePropertyCheck(doc, ctx, def, accessor) {
  const propAccessor = `${accessor}[${JSON.stringify(def.property)}]`;
  generateCheck(doc, ctx, def.schema, propAccessor);
}
function generateOverwriteCheck(doc, ctx, check3, currentAccessor, newAccessor) {
  const tx = check3._zod.def.tx;
  if (!tx) {
    throw new ZodCompileUnsupportedError("overwrite check without a transform function");
  }
  if (isAsyncFunction(tx)) {
    throw new ZodCompileAsyncError("z.compile: async overwrite transforms are not supported");
  }
  const txConst = addConstant(ctx, tx);
  doc.write(`const ${newAccessor} = ${txConst}(${currentAccessor});`);
}
function throwAsync() {
  throw new $ZodAsyncError();
}
function pushIssue(issue2) {
  this.issues.push(issue2);
}
function generateCustomRefineCheck(doc, ctx, check3, accessor) {
  const def = check3._zod.def;
  if (def.fn) {
    if (isAsyncFunction(def.fn)) {
      throw new ZodCompileAsyncError("z.compile: async .refine() predicates are not supported");
    }
    const fnConst = addUserConstant(ctx, def.fn);
    const throwAsyncConst = addConstant(ctx, throwAsync);
    const resVar = newVar(ctx);
    doc.write(`const ${resVar} = ${fnConst}(${accessor});`);
    doc.write(`if (${resVar} instanceof Promise) ${throwAsyncConst}();`);
    doc.write(`if (!${resVar}) return INVALID;`);
    return accessor;
  }
  if (check3._zod.check) {
    if (isAsyncFunction(check3._zod.check)) {
      throw new ZodCompileAsyncError("z.compile: async .superRefine() / check functions are not supported");
    }
    const checkFn = check3._zod.check;
    const helperFn = (value) => {
      const fakePayload = { value, issues: [], addIssue: pushIssue };
      const result = checkFn(fakePayload);
      if (result instanceof Promise)
        throwAsync();
      return fakePayload.issues.length === 0 ? fakePayload.value : INVALID;
    };
    const helperConst = addUserConstant(ctx, helperFn);
    const outVar = newVar(ctx);
    doc.write(`const ${outVar} = ${helperConst}(${accessor});`);
    doc.write(`if (${outVar} === INVALID) return INVALID;`);
    return outVar;
  }
  throw new ZodCompileUnsupportedError("custom check without a predicate or check function");
}
var PATTERN_IS_COMPLETE = /* @__PURE__ */ new Set([
  "cidrv4",
  "cuid",
  "cuid2",
  "date",
  "datetime",
  "duration",
  "e164",
  "email",
  "emoji",
  "ends_with",
  "guid",
  "includes",
  "ipv4",
  "ksuid",
  "lowercase",
  "mac",
  "nanoid",
  "regex",
  "starts_with",
  "time",
  "ulid",
  "uppercase",
  "uuid",
  "xid"
]);
function generateStringFormatCheck(doc, ctx, def, accessor, needsValue = true) {
  const fmt = def.format;
  if (fmt === "base64") {
    const validator = addConstant(ctx, isValidBase64);
    doc.write(`if (!${validator}(${accessor})) return INVALID;`);
    return accessor;
  }
  if (fmt === "base64url") {
    const validator = addConstant(ctx, isValidBase64URL);
    doc.write(`if (!${validator}(${accessor})) return INVALID;`);
    return accessor;
  }
  if (fmt === "jwt") {
    const validator = addConstant(ctx, isValidJWT);
    const alg = addConstant(ctx, def.alg ?? null);
    doc.write(`if (!${validator}(${accessor}, ${alg})) return INVALID;`);
    return accessor;
  }
  if (fmt === "ipv6") {
    const validator = addConstant(ctx, isValidIPv6);
    doc.write(`if (!${validator}(${accessor})) return INVALID;`);
    return accessor;
  }
  if (fmt === "cidrv6") {
    const validator = addConstant(ctx, isValidCIDRv6);
    doc.write(`if (!${validator}(${accessor})) return INVALID;`);
    return accessor;
  }
  if (fmt === "credit_card") {
    const validator = addConstant(ctx, isValidCreditCard);
    doc.write(`if (!${validator}(${accessor})) return INVALID;`);
    return accessor;
  }
  if (fmt === "iban") {
    const validator = addConstant(ctx, isValidIBAN);
    doc.write(`if (!${validator}(${accessor})) return INVALID;`);
    return accessor;
  }
  const formatDef = def;
  if (fmt === "url" || fmt === "httpurl" || formatDef.normalize || formatDef.hostname !== void 0 || formatDef.protocol !== void 0) {
    const parseConst = addConstant(ctx, validateURL);
    const defConst = addConstant(ctx, def);
    const trimVar = newVar(ctx);
    const urlVar = newVar(ctx);
    doc.write(`const ${trimVar} = ${accessor}.trim();`);
    doc.write(`const ${urlVar} = ${parseConst}(${trimVar}, ${defConst});`);
    doc.write(`if (typeof ${urlVar} === "number") return INVALID;`);
    if (formatDef.hostname !== void 0) {
      const hostnameConst = addConstant(ctx, urlHostnameOk);
      doc.write(`if (!${hostnameConst}(${urlVar}, ${defConst}.hostname)) return INVALID;`);
    }
    if (formatDef.protocol !== void 0) {
      const protocolConst = addConstant(ctx, urlProtocolOk);
      doc.write(`if (!${protocolConst}(${urlVar}, ${defConst}.protocol)) return INVALID;`);
    }
    if (!needsValue)
      return null;
    const outputVar = newVar(ctx);
    const outputExpr = formatDef.normalize ? `${urlVar}.href` : `${addConstant(ctx, stripTabAndNewline)}(${trimVar})`;
    doc.write(`const ${outputVar} = ${outputExpr};`);
    return outputVar;
  }
  const customFn = def.fn;
  if (customFn) {
    if (isAsyncFunction(customFn))
      throw new ZodCompileUnsupportedError(`async string format ${fmt}`);
    const fnConst = addConstant(ctx, customFn);
    doc.write(`if (!${fnConst}(${accessor})) return INVALID;`);
    return accessor;
  }
  if (PATTERN_IS_COMPLETE.has(fmt) && def.pattern) {
    const patternConst = addConstant(ctx, def.pattern);
    doc.write(`${patternConst}.lastIndex = 0;`);
    doc.write(`if (!${patternConst}.test(${accessor})) return INVALID;`);
    return accessor;
  }
  const format = def.format;
  switch (format) {
    case "regex":
      throw new ZodCompileUnsupportedError("regex format without a pattern");
    case "lowercase":
      doc.write(`if (${accessor} !== ${accessor}.toLowerCase()) return INVALID;`);
      break;
    case "uppercase":
      doc.write(`if (${accessor} !== ${accessor}.toUpperCase()) return INVALID;`);
      break;
    case "includes":
      doc.write(`if (!${accessor}.includes(${esc(def.includes)})) return INVALID;`);
      break;
    case "starts_with": {
      const prefix = def.prefix;
      doc.write(`if (${accessor}.slice(0, ${prefix.length}) !== ${esc(prefix)}) return INVALID;`);
      break;
    }
    case "ends_with": {
      const suffix = def.suffix;
      doc.write(`if (${accessor}.slice(-${suffix.length}) !== ${esc(suffix)}) return INVALID;`);
      break;
    }
    default: {
      void format;
      throw new ZodCompileUnsupportedError(`string format ${format}`);
    }
  }
  return accessor;
}
function generateCheck(doc, ctx, schema, accessor, needsValue = true) {
  const def = schema._zod.def;
  const type = def.type;
  if (def.coerce) {
    throw new ZodCompileUnsupportedError(`coercion (z.coerce.${type}())`);
  }
  const buildsValue = needsValue || !!def.checks?.length;
  let typeAccessor;
  switch (type) {
    case "string":
      typeAccessor = generateStringCheck(doc, ctx, schema, accessor, buildsValue);
      break;
    case "number":
      typeAccessor = generateNumberCheck(doc, schema, accessor);
      break;
    case "boolean":
      typeAccessor = generateBooleanCheck(doc, accessor);
      break;
    case "bigint":
      typeAccessor = generateBigIntCheck(doc, schema, accessor);
      break;
    case "symbol":
      typeAccessor = generateSymbolCheck(doc, accessor);
      break;
    case "undefined":
      typeAccessor = generateUndefinedCheck(doc, accessor);
      break;
    case "null":
      typeAccessor = generateNullCheck(doc, accessor);
      break;
    case "any":
    case "unknown":
      typeAccessor = accessor;
      break;
    case "never":
      doc.write("return INVALID;");
      typeAccessor = accessor;
      break;
    case "void":
      typeAccessor = generateVoidCheck(doc, accessor);
      break;
    case "nan":
      typeAccessor = generateNaNCheck(doc, accessor);
      break;
    case "date":
      typeAccessor = generateDateCheck(doc, accessor);
      break;
    case "object":
      typeAccessor = generateObjectCheck(doc, ctx, schema, accessor, buildsValue);
      break;
    case "optional":
      typeAccessor = generateOptionalCheck(doc, ctx, schema, accessor, buildsValue);
      break;
    case "nullable":
      typeAccessor = generateNullableCheck(doc, ctx, schema, accessor, buildsValue);
      break;
    case "array":
      typeAccessor = generateArrayCheck(doc, ctx, schema, accessor, buildsValue);
      break;
    case "literal":
      typeAccessor = generateLiteralCheck(doc, ctx, schema, accessor);
      break;
    case "enum":
      typeAccessor = generateEnumCheck(doc, ctx, schema, accessor);
      break;
    case "readonly": {
      const innerOut = generateWrapperCheck(doc, ctx, schema, accessor);
      const frozenVar = newVar(ctx);
      doc.write(`const ${frozenVar} = Object.freeze(${innerOut});`);
      typeAccessor = frozenVar;
      break;
    }
    case "success":
      generateWrapperCheck(doc, ctx, schema, accessor);
      typeAccessor = "true";
      break;
    case "default":
    case "prefault":
      typeAccessor = generateDefaultCheck(doc, ctx, schema, accessor);
      break;
    case "nonoptional":
      typeAccessor = generateNonOptionalCheck(doc, ctx, schema, accessor);
      break;
    case "tuple":
      typeAccessor = generateTupleCheck(doc, ctx, schema, accessor);
      break;
    case "union":
      typeAccessor = generateUnionCheck(doc, ctx, schema, accessor);
      break;
    case "intersection":
      typeAccessor = generateIntersectionCheck(doc, ctx, schema, accessor);
      break;
    case "record":
      typeAccessor = generateRecordCheck(doc, ctx, schema, accessor);
      break;
    case "map":
      typeAccessor = generateMapCheck(doc, ctx, schema, accessor);
      break;
    case "set":
      typeAccessor = generateSetCheck(doc, ctx, schema, accessor);
      break;
    case "file":
      typeAccessor = generateFileCheck(doc, accessor);
      break;
    case "template_literal":
      typeAccessor = generateTemplateLiteralCheck(doc, ctx, schema, accessor);
      break;
    case "lazy":
      typeAccessor = generateLazyCheck(doc, ctx, schema, accessor);
      break;
    case "pipe":
      typeAccessor = generatePipeCheck(doc, ctx, schema, accessor);
      break;
    case "custom":
      typeAccessor = generateCustomCheck(doc, ctx, schema, accessor);
      break;
    case "transform":
      typeAccessor = generateTransformCheck(doc, ctx, schema, accessor);
      break;
    case "catch":
      typeAccessor = generateCatchCheck(doc, ctx, schema, accessor);
      break;
    default: {
      void type;
      throw new ZodCompileUnsupportedError(`schema type ${type}`);
    }
  }
  if (typeAccessor === null)
    return null;
  return generateChecks(doc, ctx, schema, typeAccessor);
}
function generateStringCheck(doc, ctx, schema, accessor, needsValue = true) {
  doc.write(`if (typeof ${accessor} !== "string") return INVALID;`);
  const def = schema._zod.def;
  if (def.format === void 0)
    return accessor;
  return generateStringFormatCheck(doc, ctx, def, accessor, needsValue);
}
function generateNumberCheck(doc, schema, accessor) {
  doc.write(`if (typeof ${accessor} !== "number" || !Number.isFinite(${accessor})) return INVALID;`);
  const def = schema._zod.def;
  if (def.check === "number_format" && def.format) {
    generateNumberFormatCheck(doc, { format: def.format }, accessor);
  }
  return accessor;
}
function generateBooleanCheck(doc, accessor) {
  doc.write(`if (typeof ${accessor} !== "boolean") return INVALID;`);
  return accessor;
}
function generateBigIntCheck(doc, schema, accessor) {
  doc.write(`if (typeof ${accessor} !== "bigint") return INVALID;`);
  const def = schema._zod.def;
  if (def.format) {
    switch (def.format) {
      case "int64":
        doc.write(`if (${accessor} < -9223372036854775808n || ${accessor} > 9223372036854775807n) return INVALID;`);
        break;
      case "uint64":
        doc.write(`if (${accessor} < 0n || ${accessor} > 18446744073709551615n) return INVALID;`);
        break;
    }
  }
  return accessor;
}
function generateSymbolCheck(doc, accessor) {
  doc.write(`if (typeof ${accessor} !== "symbol") return INVALID;`);
  return accessor;
}
function generateUndefinedCheck(doc, accessor) {
  doc.write(`if (${accessor} !== undefined) return INVALID;`);
  return accessor;
}
function generateNullCheck(doc, accessor) {
  doc.write(`if (${accessor} !== null) return INVALID;`);
  return accessor;
}
function generateVoidCheck(doc, accessor) {
  doc.write(`if (${accessor} !== undefined) return INVALID;`);
  return accessor;
}
function generateNaNCheck(doc, accessor) {
  doc.write(`if (typeof ${accessor} !== "number" || !Number.isNaN(${accessor})) return INVALID;`);
  return accessor;
}
function generateDateCheck(doc, accessor) {
  doc.write(`if (!(${accessor} instanceof Date) || Number.isNaN(${accessor}.getTime())) return INVALID;`);
  return accessor;
}
function generateObjectCheck(doc, ctx, schema, accessor, buildsValue = true) {
  const def = schema._zod.def;
  doc.write(`if (typeof ${accessor} !== "object" || ${accessor} === null || Array.isArray(${accessor})) return INVALID;`);
  const shape = def.shape;
  const keys = Object.keys(shape);
  const symbolKeys = Object.getOwnPropertySymbols(shape);
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  const keyExpr = (k) => typeof k === "symbol" ? addConstant(ctx, k) : esc(k);
  const propKey = (k) => typeof k === "symbol" ? `[${keyExpr(k)}]` : esc(k);
  const propShape = shape;
  if (keys.includes("__proto__")) {
    throw new ZodCompileUnsupportedError('object shape key "__proto__"');
  }
  const propOutputs = /* @__PURE__ */ new Map();
  for (const key of allKeys) {
    const propSchema = propShape[key];
    const kx = keyExpr(key);
    const inputVar = newVar(ctx);
    doc.write(`const ${inputVar} = ${accessor}[${kx}];`);
    if (propSchema._zod.optin !== void 0) {
      const outputVar2 = newVar(ctx);
      doc.write(`let ${outputVar2} = (() => {`);
      doc.indented((d) => {
        const outputAccessor = compileChild(d, ctx, propSchema, inputVar);
        d.write(`return ${outputAccessor};`);
      });
      doc.write(`})();`);
      if (propSchema._zod.optout === "optional") {
        doc.write(`if (${outputVar2} === INVALID) {`);
        doc.indented((d) => {
          d.write(`if (${kx} in ${accessor}) return INVALID;`);
          d.write(`${outputVar2} = undefined;`);
        });
        doc.write(`}`);
      } else {
        doc.write(`if (${outputVar2} === INVALID) return INVALID;`);
      }
      propOutputs.set(key, outputVar2);
    } else {
      if (requiresPresenceCheck(propSchema)) {
        doc.write(`if (!(${kx} in ${accessor})) return INVALID;`);
      }
      const outputAccessor = compileChild(doc, ctx, propSchema, inputVar, buildsValue);
      if (outputAccessor !== null)
        propOutputs.set(key, outputAccessor);
    }
  }
  const catchall = def.catchall;
  let unknownKeysMode = "none";
  if (catchall) {
    const catchallType = catchall._zod.def.type;
    if (catchallType === "never") {
      const condition = keys.map((k) => `k !== ${esc(k)}`).join(" && ") || "true";
      doc.write(`for (const k in ${accessor}) {`);
      doc.indented((d) => {
        d.write(`if (${condition}) return INVALID;`);
      });
      doc.write(`}`);
    } else if ((catchallType === "unknown" || catchallType === "any") && !catchall._zod.def.checks?.length) {
      unknownKeysMode = "passthrough";
    } else {
      unknownKeysMode = "schema";
    }
  }
  const outputVar = newVar(ctx);
  const hasConditionalKeys = allKeys.some((k) => mayOmitUndefined(propShape[k]) || dropsWhenAbsent(propShape[k]));
  if (!buildsValue) {
    if (unknownKeysMode === "schema") {
      const knownSet = keys.length > 0 ? addConstant(ctx, new Set(keys)) : null;
      doc.write(`for (const k in ${accessor}) {`);
      doc.indented((d) => {
        d.write(`if (k === "__proto__") continue;`);
        if (knownSet)
          d.write(`if (${knownSet}.has(k)) continue;`);
        const valVar = newVar(ctx);
        d.write(`const ${valVar} = ${accessor}[k];`);
        compileChild(d, ctx, catchall, valVar, false);
      });
      doc.write(`}`);
    }
    return null;
  }
  if (!hasConditionalKeys) {
    const propLiterals = allKeys.map((k) => `${propKey(k)}: ${propOutputs.get(k)}`).join(", ");
    doc.write(`const ${outputVar} = { ${propLiterals} };`);
  } else {
    doc.write(`const ${outputVar} = {};`);
    for (const k of allKeys) {
      const kx = keyExpr(k);
      const out = propOutputs.get(k);
      if (dropsWhenAbsent(propShape[k])) {
        doc.write(`if (${kx} in ${accessor}) ${outputVar}[${kx}] = ${out};`);
      } else if (mayOmitUndefined(propShape[k])) {
        doc.write(`if (${out} !== undefined || ${kx} in ${accessor}) ${outputVar}[${kx}] = ${out};`);
      } else {
        doc.write(`${outputVar}[${kx}] = ${out};`);
      }
    }
  }
  if (unknownKeysMode !== "none") {
    const knownSet = keys.length > 0 ? addConstant(ctx, new Set(keys)) : null;
    doc.write(`for (const k in ${accessor}) {`);
    doc.indented((d) => {
      d.write(`if (k === "__proto__") continue;`);
      if (knownSet)
        d.write(`if (${knownSet}.has(k)) continue;`);
      if (unknownKeysMode === "passthrough") {
        d.write(`${outputVar}[k] = ${accessor}[k];`);
      } else {
        const valVar = newVar(ctx);
        d.write(`const ${valVar} = ${accessor}[k];`);
        const catchallOut = compileChild(d, ctx, catchall, valVar);
        d.write(`${outputVar}[k] = ${catchallOut};`);
      }
    });
    doc.write(`}`);
  }
  return outputVar;
}
function generateOptionalCheck(doc, ctx, schema, accessor, buildsValue = true) {
  const def = schema._zod.def;
  if (isExactOptional(schema)) {
    return generateCheck(doc, ctx, def.innerType, accessor, buildsValue);
  }
  if (def.innerType._zod.optin === "defaulted") {
    const outputVar2 = newVar(ctx);
    const branchVar = newVar(ctx);
    doc.write(`let ${outputVar2};`);
    doc.write(`if (${accessor} === undefined) {`);
    doc.indented((d) => {
      d.write(`const ${branchVar} = (() => {`);
      d.indented((d2) => {
        const innerOutput = generateCheck(d2, ctx, def.innerType, accessor);
        d2.write(`return ${innerOutput};`);
      });
      d.write(`})();`);
      d.write(`if (${branchVar} !== INVALID) ${outputVar2} = ${branchVar};`);
    });
    doc.write(`} else {`);
    doc.indented((d) => {
      const innerOutput = generateCheck(d, ctx, def.innerType, accessor);
      d.write(`${outputVar2} = ${innerOutput};`);
    });
    doc.write(`}`);
    return outputVar2;
  }
  const outputVar = buildsValue ? newVar(ctx) : null;
  if (outputVar)
    doc.write(`let ${outputVar};`);
  doc.write(`if (${accessor} !== undefined) {`);
  doc.indented((d) => {
    const innerOutput = generateCheck(d, ctx, def.innerType, accessor, buildsValue);
    if (outputVar && innerOutput !== null)
      d.write(`${outputVar} = ${innerOutput};`);
  });
  doc.write(`}`);
  return outputVar;
}
function isExactOptional(schema) {
  return schema._zod.traits?.has("$ZodExactOptional") === true;
}
function requiresPresenceCheck(schema) {
  return schema._zod.optin === void 0 && fastPathAcceptsAbsence(schema);
}
function fastPathAcceptsAbsence(schema) {
  if (schema._zod.def.coerce)
    return true;
  const def = schema._zod.def;
  switch (def.type) {
    case "any":
    case "unknown":
    case "undefined":
    case "void":
    case "default":
    case "prefault":
    case "transform":
    case "custom":
    case "lazy":
      return true;
    case "string":
    case "number":
    case "boolean":
    case "bigint":
    case "symbol":
    case "null":
    case "never":
    case "nan":
    case "date":
    case "object":
    case "array":
    case "tuple":
    case "record":
    case "map":
    case "set":
    case "file":
    case "template_literal":
      return false;
    case "nonoptional":
      return def.innerType ? fastPathAcceptsAbsence(def.innerType) : false;
    case "literal":
      return !!def.values?.includes(void 0);
    case "enum":
      return !!schema._zod.values?.has(void 0);
    case "optional":
    case "nullable":
    case "readonly":
    case "success":
      return def.innerType ? fastPathAcceptsAbsence(def.innerType) : true;
    case "catch":
      return true;
    case "union":
      return def.options ? def.options.some(fastPathAcceptsAbsence) : true;
    case "intersection":
      if (!def.left || !def.right)
        return true;
      return fastPathAcceptsAbsence(def.left) && fastPathAcceptsAbsence(def.right);
    case "pipe":
      return def.in ? fastPathAcceptsAbsence(def.in) : true;
    default:
      return true;
  }
}
function dropsWhenAbsent(schema) {
  return schema._zod.optin === "optional" && schema._zod.optout === "optional";
}
function mayOmitUndefined(schema) {
  return (schema._zod.optin !== "defaulted" || schema._zod.optout === "optional") && mayOutputUndefined(schema);
}
function mayOutputUndefined(schema) {
  const def = schema._zod.def;
  switch (def.type) {
    case "string":
    case "number":
    case "boolean":
    case "bigint":
    case "symbol":
    case "null":
    case "nan":
    case "date":
    case "object":
    case "array":
    case "tuple":
    case "record":
    case "map":
    case "set":
    case "file":
    case "template_literal":
    case "never":
    case "success":
      return false;
    case "literal":
      return !!def.values?.includes(void 0);
    case "enum":
      return !!schema._zod.values?.has(void 0);
    case "optional":
      return true;
    case "nullable":
    case "readonly":
    case "nonoptional":
      return def.innerType ? mayOutputUndefined(def.innerType) : true;
    case "union":
      return def.options ? def.options.some(mayOutputUndefined) : true;
    case "intersection":
      return !def.left || !def.right || mayOutputUndefined(def.left) || mayOutputUndefined(def.right);
    case "pipe":
      return def.out ? mayOutputUndefined(def.out) : true;
    default:
      return true;
  }
}
function generateNullableCheck(doc, ctx, schema, accessor, buildsValue = true) {
  const def = schema._zod.def;
  const outputVar = buildsValue ? newVar(ctx) : null;
  if (outputVar)
    doc.write(`let ${outputVar} = null;`);
  doc.write(`if (${accessor} !== null) {`);
  doc.indented((d) => {
    const innerOutput = generateCheck(d, ctx, def.innerType, accessor, buildsValue);
    if (outputVar && innerOutput !== null)
      d.write(`${outputVar} = ${innerOutput};`);
  });
  doc.write(`}`);
  return outputVar;
}
function generateSizeGate(doc, schema, size) {
  for (const [max, check3] of sizeCaps(schema._zod.def.checks)) {
    doc.write(`if (${size} > ${numericOperand(max, check3._zod.def.check)}) return INVALID;`);
  }
}
function generateArrayCheck(doc, ctx, schema, accessor, buildsValue = true) {
  const def = schema._zod.def;
  doc.write(`if (!Array.isArray(${accessor})) return INVALID;`);
  generateSizeGate(doc, schema, `${accessor}.length`);
  const outputVar = buildsValue ? newVar(ctx) : null;
  const iVar = newVar(ctx);
  const elemVar = newVar(ctx);
  if (outputVar)
    doc.write(`const ${outputVar} = new Array(${accessor}.length);`);
  doc.write(`for (let ${iVar} = 0; ${iVar} < ${accessor}.length; ${iVar}++) {`);
  doc.indented((d) => {
    d.write(`const ${elemVar} = ${accessor}[${iVar}];`);
    const elemOutput = compileChild(d, ctx, def.element, elemVar, buildsValue);
    if (outputVar && elemOutput !== null)
      d.write(`${outputVar}[${iVar}] = ${elemOutput};`);
  });
  doc.write(`}`);
  return outputVar;
}
function generateLiteralCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  const values = def.values;
  if (values.length !== 1) {
    const literalSet = addConstant(ctx, new Set(values));
    doc.write(`if (!${literalSet}.has(${accessor})) return INVALID;`);
    return accessor;
  }
  const value = values[0];
  if (typeof value === "number" && Number.isNaN(value)) {
    const literalSet = addConstant(ctx, new Set(values));
    doc.write(`if (!${literalSet}.has(${accessor})) return INVALID;`);
    return accessor;
  }
  if (typeof value === "string") {
    doc.write(`if (${accessor} !== ${esc(value)}) return INVALID;`);
  } else if (typeof value === "number" || typeof value === "boolean") {
    doc.write(`if (${accessor} !== ${value}) return INVALID;`);
  } else if (value === null) {
    doc.write(`if (${accessor} !== null) return INVALID;`);
  } else if (value === void 0) {
    doc.write(`if (${accessor} !== undefined) return INVALID;`);
  } else if (typeof value === "bigint") {
    doc.write(`if (${accessor} !== ${value}n) return INVALID;`);
  } else {
    throw new ZodCompileUnsupportedError(`literal type ${typeof value}`);
  }
  return accessor;
}
function generateEnumCheck(doc, ctx, schema, accessor) {
  const values = schema._zod.values;
  if (!values) {
    throw new ZodCompileUnsupportedError("enum schema without enumerated values");
  }
  const enumSet = addConstant(ctx, values);
  doc.write(`if (!${enumSet}.has(${accessor})) return INVALID;`);
  return accessor;
}
function generateWrapperCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  return generateCheck(doc, ctx, def.innerType, accessor);
}
function generateDefaultCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  const descriptor = Object.getOwnPropertyDescriptor(schema._zod.def, "defaultValue");
  const defaultGetter = descriptor ? () => schema._zod.def.defaultValue : void 0;
  if (schema._zod.def.type === "prefault") {
    if (!defaultGetter) {
      return generateCheck(doc, ctx, def.innerType, accessor);
    }
    const defaultFn = addConstant(ctx, defaultGetter);
    const inputVar = newVar(ctx);
    doc.write(`let ${inputVar} = ${accessor};`);
    doc.write(`if (${accessor} === undefined) ${inputVar} = ${defaultFn}();`);
    return generateCheck(doc, ctx, def.innerType, inputVar);
  }
  const outputVar = newVar(ctx);
  if (defaultGetter) {
    const defaultFn = addConstant(ctx, defaultGetter);
    const cloneFn = addConstant(ctx, shallowClone);
    doc.write(`let ${outputVar};`);
    doc.write(`if (${accessor} === undefined) {`);
    doc.indented((d) => {
      d.write(`${outputVar} = ${cloneFn}(${defaultFn}());`);
    });
    doc.write(`} else {`);
    doc.indented((d) => {
      const innerOutput = generateCheck(d, ctx, def.innerType, accessor);
      d.write(`${outputVar} = ${innerOutput} === undefined ? ${cloneFn}(${defaultFn}()) : ${innerOutput};`);
    });
    doc.write(`}`);
  } else {
    doc.write(`let ${outputVar};`);
    doc.write(`if (${accessor} !== undefined) {`);
    doc.indented((d) => {
      const innerOutput = generateCheck(d, ctx, def.innerType, accessor);
      d.write(`${outputVar} = ${innerOutput};`);
    });
    doc.write(`}`);
  }
  return outputVar;
}
function generateNonOptionalCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  const innerOutput = generateCheck(doc, ctx, def.innerType, accessor);
  const outputVar = newVar(ctx);
  doc.write(`const ${outputVar} = ${innerOutput};`);
  doc.write(`if (${outputVar} === undefined) return INVALID;`);
  return outputVar;
}
function generateTupleCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  const items = def.items;
  const rest = def.rest;
  doc.write(`if (!Array.isArray(${accessor})) return INVALID;`);
  const optinStart = getTupleOptStart2(items, "optin");
  const optoutStart = getTupleOptStart2(items, "optout");
  if (rest) {
    doc.write(`if (${accessor}.length < ${optinStart}) return INVALID;`);
  } else {
    doc.write(`if (${accessor}.length < ${optinStart} || ${accessor}.length > ${items.length}) return INVALID;`);
  }
  const outputVar = newVar(ctx);
  doc.write(`const ${outputVar} = [];`);
  for (let i = 0; i < items.length; i++) {
    const itemSchema = items[i];
    if (i >= optoutStart) {
      doc.write(`if (${outputVar}.length === ${i}) {`);
      doc.indented((d) => {
        d.write(`if (${i} < ${accessor}.length) {`);
        d.indented((d2) => {
          const elemVar = newVar(ctx);
          d2.write(`const ${elemVar} = ${accessor}[${i}];`);
          const elemOutput = compileChild(d2, ctx, itemSchema, elemVar);
          d2.write(`${outputVar}[${i}] = ${elemOutput};`);
        });
        d.write(`} else {`);
        d.indented((d2) => {
          if (dropsWhenAbsent(itemSchema)) {
            d2.write(`${outputVar}.length = ${i};`);
            return;
          }
          const elemVar = newVar(ctx);
          const branchVar = newVar(ctx);
          d2.write(`const ${elemVar} = undefined;`);
          d2.write(`const ${branchVar} = (() => {`);
          d2.indented((d3) => {
            const elemOutput = compileChild(d3, ctx, itemSchema, elemVar);
            d3.write(`return ${elemOutput};`);
          });
          d2.write(`})();`);
          d2.write(`if (${branchVar} === INVALID || ${branchVar} === undefined) ${outputVar}.length = ${i};`);
          d2.write(`else ${outputVar}[${i}] = ${branchVar};`);
        });
        d.write(`}`);
      });
      doc.write(`}`);
    } else {
      const elemVar = newVar(ctx);
      doc.write(`const ${elemVar} = ${accessor}[${i}];`);
      const elemOutput = compileChild(doc, ctx, itemSchema, elemVar);
      doc.write(`${outputVar}[${i}] = ${elemOutput};`);
    }
  }
  if (rest) {
    const iVar = newVar(ctx);
    const elemVar = newVar(ctx);
    doc.write(`for (let ${iVar} = ${items.length}; ${iVar} < ${accessor}.length; ${iVar}++) {`);
    doc.indented((d) => {
      d.write(`const ${elemVar} = ${accessor}[${iVar}];`);
      const elemOutput = compileChild(d, ctx, rest, elemVar);
      d.write(`${outputVar}[${iVar}] = ${elemOutput};`);
    });
    doc.write(`}`);
  }
  return outputVar;
}
function getTupleOptStart2(items, key) {
  for (let i = items.length - 1; i >= 0; i--) {
    const omittable = key === "optin" ? items[i]._zod.optin !== void 0 : items[i]._zod.optout === "optional";
    if (!omittable)
      return i + 1;
  }
  return 0;
}
function generateUnionCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  const options = def.options;
  if (def.discriminator) {
    return generateDiscriminatedUnionCheck(doc, ctx, def, accessor);
  }
  if (def.inclusive === false) {
    throw new ZodCompileUnsupportedError("exclusive unions (z.xor)");
  }
  if (options.length === 0) {
    doc.write("return INVALID;");
    return accessor;
  }
  if (options.length === 1) {
    return generateCheck(doc, ctx, options[0], accessor);
  }
  const allLiterals = options.every((opt) => opt._zod.def.type === "literal" && !opt._zod.def.checks?.length);
  if (allLiterals) {
    const values = new Set(options.flatMap((opt) => opt._zod.def.values));
    const valuesConst = addConstant(ctx, values);
    doc.write(`if (!${valuesConst}.has(${accessor})) return INVALID;`);
    return accessor;
  }
  const outputVar = newVar(ctx);
  doc.write(`let ${outputVar};`);
  for (let i = 0; i < options.length; i++) {
    const opt = options[i];
    if (i === 0) {
      doc.write(`${outputVar} = (() => {`);
    } else {
      doc.write(`if (${outputVar} === INVALID) ${outputVar} = (() => {`);
    }
    doc.indented((d) => {
      const branchOutput = generateCheck(d, ctx, opt, accessor);
      d.write(`return ${branchOutput};`);
    });
    doc.write(`})();`);
  }
  doc.write(`if (${outputVar} === INVALID) return INVALID;`);
  return outputVar;
}
function generateDiscriminatedUnionCheck(doc, ctx, def, accessor) {
  if (def.unionFallback) {
    throw new ZodCompileUnsupportedError("discriminated union with unionFallback");
  }
  if (def.options.length === 0) {
    doc.write("return INVALID;");
    return accessor;
  }
  const discVar = newVar(ctx);
  const outputVar = newVar(ctx);
  doc.write(`const ${discVar} = ${accessor}?.[${esc(def.discriminator)}];`);
  doc.write(`let ${outputVar};`);
  let firstBranch = true;
  const claimed = /* @__PURE__ */ new Set();
  for (const option of def.options) {
    const values = option._zod.propValues?.[def.discriminator];
    if (!values || values.size === 0) {
      throw new ZodCompileUnsupportedError("discriminated union option without static discriminator values");
    }
    for (const value of values) {
      if (claimed.has(value)) {
        throw new ZodCompileUnsupportedError(`duplicate discriminator value ${String(value)}`);
      }
      claimed.add(value);
    }
    const conditions = Array.from(values, (value) => literalEquality(ctx, discVar, value));
    const prefix = firstBranch ? "if" : "else if";
    doc.write(`${prefix} (${conditions.join(" || ")}) {`);
    doc.indented((d) => {
      const branchOutput = generateCheck(d, ctx, option, accessor);
      d.write(`${outputVar} = ${branchOutput};`);
    });
    doc.write(`}`);
    firstBranch = false;
  }
  doc.write(`else { return INVALID; }`);
  return outputVar;
}
function literalEquality(ctx, accessor, value) {
  if (typeof value === "string")
    return `${accessor} === ${esc(value)}`;
  if (typeof value === "number") {
    if (Number.isNaN(value))
      return `Number.isNaN(${accessor})`;
    return `${accessor} === ${value}`;
  }
  if (typeof value === "boolean")
    return `${accessor} === ${value}`;
  if (value === null)
    return `${accessor} === null`;
  if (value === void 0)
    return `${accessor} === undefined`;
  if (typeof value === "bigint")
    return `${accessor} === ${value}n`;
  if (typeof value === "symbol") {
    const symbolConst = addConstant(ctx, value);
    return `${accessor} === ${symbolConst}`;
  }
  throw new ZodCompileUnsupportedError(`literal discriminator value ${String(value)}`);
}
function generateIntersectionCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  ctx.definite = false;
  const leftOutput = compileChild(doc, ctx, def.left, accessor);
  const rightOutput = compileChild(doc, ctx, def.right, accessor);
  const mergeConst = addConstant(ctx, mergeValues);
  const mergedVar = newVar(ctx);
  doc.write(`const ${mergedVar} = ${mergeConst}(${leftOutput}, ${rightOutput});`);
  doc.write(`if (!${mergedVar}.valid) return INVALID;`);
  return `${mergedVar}.data`;
}
function generateRecordCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  const isPlainObjectConst = addConstant(ctx, isPlainObject);
  doc.write(`if (!${isPlainObjectConst}(${accessor})) return INVALID;`);
  const outputVar = newVar(ctx);
  const kVar = newVar(ctx);
  const valVar = newVar(ctx);
  doc.write(`const ${outputVar} = {};`);
  const recordDef = def;
  const keyValues = recordDef.partial ? void 0 : def.keyType._zod.values;
  if (keyValues) {
    const inputKeys = [];
    for (const key of keyValues) {
      if (!(typeof key === "string" || typeof key === "number" || typeof key === "symbol")) {
        throw new ZodCompileUnsupportedError(`record key value ${String(key)}`);
      }
      const inputKey = typeof key === "number" ? key.toString() : key;
      if (inputKey === "__proto__") {
        throw new ZodCompileUnsupportedError('record key "__proto__"');
      }
      inputKeys.push(inputKey);
      const keyConst = addConstant(ctx, key);
      const outKey = generateCheck(doc, ctx, def.keyType, keyConst);
      const valueVar = newVar(ctx);
      doc.write(`const ${valueVar} = ${accessor}[${literalPropertyKey(ctx, inputKey)}];`);
      const valOutput = compileChild(doc, ctx, def.valueType, valueVar);
      doc.write(`${outputVar}[${outKey}] = ${valOutput};`);
    }
    const knownKeysConst = addConstant(ctx, new Set(inputKeys));
    doc.write(`for (const ${kVar} in ${accessor}) {`);
    doc.indented((d) => {
      d.write(`if (${knownKeysConst}.has(${kVar})) continue;`);
      if (recordDef.mode === "loose") {
        d.write(`if (${kVar} !== "__proto__") ${outputVar}[${kVar}] = ${accessor}[${kVar}];`);
      } else {
        d.write(`return INVALID;`);
      }
    });
    doc.write(`}`);
    return outputVar;
  }
  const keyDef = def.keyType._zod.def;
  const keyIsBareString = keyDef.type === "string" && keyDef.format === void 0 && !keyDef.coerce && (keyDef.checks?.length ?? 0) === 0;
  if (!keyIsBareString) {
    const isLoose = def.mode === "loose";
    const keyFn = compileFn(def.keyType);
    if (keyFn.definite === false)
      ctx.definite = false;
    const keyFast = addConstant(ctx, keyFn);
    const numericConst = addConstant(ctx, number);
    const outKeyVar = newVar(ctx);
    emitOwnKeys(doc, ctx, accessor, kVar, (d) => {
      d.write(`let ${outKeyVar} = ${keyFast}(${kVar});`);
      d.write(`if (${outKeyVar} === INVALID && typeof ${kVar} === "string" && ${numericConst}.test(${kVar})) ${outKeyVar} = ${keyFast}(Number(${kVar}));`);
      if (isLoose) {
        d.write(`if (${outKeyVar} === INVALID) { ${outputVar}[${kVar}] = ${accessor}[${kVar}]; continue; }`);
      } else {
        d.write(`if (${outKeyVar} === INVALID) return INVALID;`);
      }
      d.write(`if (${outKeyVar} === "__proto__") continue;`);
      const valueVar = newVar(ctx);
      d.write(`const ${valueVar} = ${accessor}[${kVar}];`);
      const valOutput = compileChild(d, ctx, def.valueType, valueVar);
      d.write(`${outputVar}[${outKeyVar}] = ${valOutput};`);
    });
    return outputVar;
  }
  emitOwnKeys(doc, ctx, accessor, kVar, (d) => {
    d.write(`const ${valVar} = ${accessor}[${kVar}];`);
    const valOutput = compileChild(d, ctx, def.valueType, valVar);
    d.write(`${outputVar}[${kVar}] = ${valOutput};`);
  }, `return INVALID;`);
  return outputVar;
}
function emitOwnKeys(doc, ctx, accessor, kVar, body, onSymbol) {
  const propIsEnumerableConst = addConstant(ctx, Object.prototype.propertyIsEnumerable);
  const symsVar = newVar(ctx);
  const keysVar = newVar(ctx);
  const iVar = newVar(ctx);
  doc.write(`const ${symsVar} = Object.getOwnPropertySymbols(${accessor});`);
  doc.write(`const ${keysVar} = Object.getOwnPropertyNames(${accessor});`);
  doc.write(`for (let ${iVar} = 0; ${iVar} < ${keysVar}.length; ${iVar}++) {`);
  doc.indented((d) => {
    d.write(`const ${kVar} = ${keysVar}[${iVar}];`);
    d.write(`if (${kVar} === "__proto__" || !${propIsEnumerableConst}.call(${accessor}, ${kVar})) continue;`);
    body(d);
  });
  doc.write(`}`);
  doc.write(`for (let ${iVar} = 0; ${iVar} < ${symsVar}.length; ${iVar}++) {`);
  doc.indented((d) => {
    d.write(`const ${kVar} = ${symsVar}[${iVar}];`);
    d.write(`if (!${propIsEnumerableConst}.call(${accessor}, ${kVar})) continue;`);
    if (onSymbol)
      d.write(onSymbol);
    else
      body(d);
  });
  doc.write(`}`);
}
function literalPropertyKey(ctx, key) {
  if (typeof key === "string")
    return esc(key);
  return addConstant(ctx, key);
}
function generateMapCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  doc.write(`if (!(${accessor} instanceof Map)) return INVALID;`);
  generateSizeGate(doc, schema, `${accessor}.size`);
  const outputVar = newVar(ctx);
  const kVar = newVar(ctx);
  const valVar = newVar(ctx);
  doc.write(`const ${outputVar} = new Map();`);
  doc.write(`for (const [${kVar}, ${valVar}] of ${accessor}) {`);
  doc.indented((d) => {
    const keyOutput = generateCheck(d, ctx, def.keyType, kVar);
    const valOutput = generateCheck(d, ctx, def.valueType, valVar);
    d.write(`${outputVar}.set(${keyOutput}, ${valOutput});`);
  });
  doc.write(`}`);
  return outputVar;
}
function generateSetCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  doc.write(`if (!(${accessor} instanceof Set)) return INVALID;`);
  generateSizeGate(doc, schema, `${accessor}.size`);
  const outputVar = newVar(ctx);
  const valVar = newVar(ctx);
  doc.write(`const ${outputVar} = new Set();`);
  doc.write(`for (const ${valVar} of ${accessor}) {`);
  doc.indented((d) => {
    const valOutput = generateCheck(d, ctx, def.valueType, valVar);
    d.write(`${outputVar}.add(${valOutput});`);
  });
  doc.write(`}`);
  return outputVar;
}
function generateFileCheck(doc, accessor) {
  doc.write(`if (!(${accessor} instanceof File)) return INVALID;`);
  return accessor;
}
function generateTemplateLiteralCheck(doc, ctx, schema, accessor) {
  doc.write(`if (typeof ${accessor} !== "string") return INVALID;`);
  const pattern = schema._zod.pattern;
  if (pattern) {
    const patternConst = addConstant(ctx, pattern);
    doc.write(`${patternConst}.lastIndex = 0;`);
    doc.write(`if (!${patternConst}.test(${accessor})) return INVALID;`);
  }
  return accessor;
}
function generateLazyCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  const getterConst = addUserConstant(ctx, def.getter);
  const cacheConst = addConstant(ctx, { parser: null });
  doc.write(`if (!${cacheConst}.parser) {`);
  doc.indented((d) => {
    d.write(`const inner = ${getterConst}();`);
    d.write(`${cacheConst}.parser = function(input) {`);
    d.indented((d2) => {
      d2.write(`const result = inner._zod.run({ value: input, issues: [] }, {});`);
      d2.write(`return result.issues.length === 0 ? result.value : INVALID;`);
    });
    d.write(`};`);
  });
  doc.write(`}`);
  const outputVar = newVar(ctx);
  doc.write(`const ${outputVar} = ${cacheConst}.parser(${accessor});`);
  doc.write(`if (${outputVar} === INVALID) return INVALID;`);
  return outputVar;
}
function generatePipeCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  const inputOutput = generateCheck(doc, ctx, def.in, accessor);
  if (def.transform) {
    if (isAsyncFunction(def.transform)) {
      throw new ZodCompileAsyncError("z.compile: async transforms in pipes are not supported");
    }
    const transformFn = def.transform;
    const helperFn = (value) => {
      const fakePayload = { value, issues: [], addIssue: pushIssue };
      const result = transformFn(value, fakePayload);
      if (result instanceof Promise)
        return INVALID;
      return fakePayload.issues.length === 0 ? result : INVALID;
    };
    const helperConst = addUserConstant(ctx, helperFn);
    const transformedVar = newVar(ctx);
    doc.write(`const ${transformedVar} = ${helperConst}(${inputOutput});`);
    doc.write(`if (${transformedVar} === INVALID) return INVALID;`);
    return generateCheck(doc, ctx, def.out, transformedVar);
  } else {
    return generateCheck(doc, ctx, def.out, inputOutput);
  }
}
function isAsyncFunction(fn) {
  return typeof fn === "function" && (fn.constructor.name === "AsyncFunction" || fn[Symbol.toStringTag] === "AsyncFunction");
}
function generateCustomCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  if (def.fn) {
    if (isAsyncFunction(def.fn)) {
      throw new ZodCompileAsyncError("z.compile: async custom predicates are not supported");
    }
    const fnConst = addUserConstant(ctx, def.fn);
    const throwAsyncConst = addConstant(ctx, throwAsync);
    const resVar = newVar(ctx);
    doc.write(`const ${resVar} = ${fnConst}(${accessor});`);
    doc.write(`if (${resVar} instanceof Promise) ${throwAsyncConst}();`);
    doc.write(`if (!${resVar}) return INVALID;`);
  } else {
    throw new ZodCompileUnsupportedError("custom schema without a predicate function");
  }
  return accessor;
}
function runtimeCatch(innerSchema, catchValue, value) {
  const result = innerSchema._zod.run({ value, issues: [] }, {});
  if (result && typeof result.then === "function")
    return INVALID;
  const r = result;
  if (r.issues.length === 0)
    return r.value;
  return catchValue();
}
function generateCatchCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  if (!def.catchValue[CONSTANT_CATCH]) {
    throw new ZodCompileUnsupportedError("catch with a callback (only a constant catch value compiles)", false);
  }
  const outputVar = newVar(ctx);
  doc.write(`let ${outputVar} = (() => {`);
  doc.indented((d) => {
    const innerOut = compileChild(d, ctx, def.innerType, accessor);
    d.write(`return ${innerOut};`);
  });
  doc.write(`})();`);
  const innerConst = addConstant(ctx, def.innerType);
  const catchConst = addUserConstant(ctx, def.catchValue);
  const catchHelperConst = addConstant(ctx, runtimeCatch);
  doc.write(`if (${outputVar} === INVALID) {`);
  doc.indented((d) => {
    d.write(`${outputVar} = ${catchHelperConst}(${innerConst}, ${catchConst}, ${accessor});`);
    d.write(`if (${outputVar} === INVALID) return INVALID;`);
  });
  doc.write(`}`);
  return outputVar;
}
function generateTransformCheck(doc, ctx, schema, accessor) {
  const def = schema._zod.def;
  if (def.transform) {
    if (isAsyncFunction(def.transform)) {
      throw new ZodCompileAsyncError("z.compile: async transforms are not supported");
    }
    const transformFn = def.transform;
    const helperFn = (value) => {
      const fakePayload = { value, issues: [], addIssue: pushIssue };
      const result = transformFn(value, fakePayload);
      if (result instanceof Promise)
        return INVALID;
      return fakePayload.issues.length === 0 ? result : INVALID;
    };
    const helperConst = addUserConstant(ctx, helperFn);
    const outputVar = newVar(ctx);
    doc.write(`const ${outputVar} = ${helperConst}(${accessor});`);
    doc.write(`if (${outputVar} === INVALID) return INVALID;`);
    return outputVar;
  }
  return accessor;
}

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class2, params) {
  return new Class2(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class2, params) {
  return new Class2(snapshotChecks({ type: "string", coerce: true, ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class2, params) {
  return new Class2({
    type: "string",
    format: "email",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class2, params) {
  return new Class2({
    type: "string",
    format: "guid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v4",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v6",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v7",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _url(Class2, params) {
  return new Class2({
    type: "string",
    format: "url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _emoji2(Class2, params) {
  return new Class2({
    type: "string",
    format: "emoji",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class2, params) {
  return new Class2({
    type: "string",
    format: "nanoid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid2",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ulid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class2, params) {
  return new Class2({
    type: "string",
    format: "xid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ksuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class2, params) {
  return new Class2({
    type: "string",
    format: "mac",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class2, params) {
  return new Class2({
    type: "string",
    format: "e164",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class2, params) {
  return new Class2({
    type: "string",
    format: "credit_card",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class2, params) {
  return new Class2({
    type: "string",
    format: "iban",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class2, params) {
  return new Class2({
    type: "string",
    format: "jwt",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
var TimePrecision = {
  Any: null,
  Minute: -1,
  Second: 0,
  Millisecond: 3,
  Microsecond: 6
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "datetime",
    check: "string_format",
    offset: false,
    local: false,
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class2, params) {
  return new Class2({
    type: "string",
    format: "date",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "time",
    check: "string_format",
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class2, params) {
  return new Class2({
    type: "string",
    format: "duration",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _number(Class2, params) {
  return new Class2(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class2, params) {
  return new Class2(snapshotChecks({ type: "number", coerce: true, checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "float32",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "float64",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "int32",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "uint32",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class2, params) {
  return new Class2({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class2, params) {
  return new Class2({
    type: "boolean",
    coerce: true,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class2, params) {
  return new Class2({
    type: "bigint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class2, params) {
  return new Class2({
    type: "bigint",
    coerce: true,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class2, params) {
  return new Class2({
    type: "bigint",
    check: "bigint_format",
    abort: false,
    format: "int64",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class2, params) {
  return new Class2({
    type: "bigint",
    check: "bigint_format",
    abort: false,
    format: "uint64",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class2, params) {
  return new Class2({
    type: "symbol",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _undefined2(Class2, params) {
  return new Class2({
    type: "undefined",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _null2(Class2, params) {
  return new Class2({
    type: "null",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _any(Class2) {
  return new Class2({
    type: "any"
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class2) {
  return new Class2({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class2, params) {
  return new Class2({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _void(Class2, params) {
  return new Class2({
    type: "void",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _date(Class2, params) {
  return new Class2({
    type: "date",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class2, params) {
  return new Class2({
    type: "date",
    coerce: true,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class2, params) {
  return new Class2({
    type: "nan",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _positive(params) {
  return /* @__PURE__ */ _gt(0, params);
}
// @__NO_SIDE_EFFECTS__
function _negative(params) {
  return /* @__PURE__ */ _lt(0, params);
}
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
  return /* @__PURE__ */ _lte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
  return /* @__PURE__ */ _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
  return new $ZodCheckMultipleOf({
    check: "multiple_of",
    ...normalizeParams(params),
    value
  });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
  return new $ZodCheckMaxSize({
    check: "max_size",
    ...normalizeParams(params),
    maximum
  });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
  return new $ZodCheckMinSize({
    check: "min_size",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
  return new $ZodCheckSizeEquals({
    check: "size_equals",
    ...normalizeParams(params),
    size
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
  return new $ZodCheckLengthEquals({
    check: "length_equals",
    ...normalizeParams(params),
    length
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
  return new $ZodCheckLowerCase({
    check: "string_format",
    format: "lowercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
  return new $ZodCheckUpperCase({
    check: "string_format",
    format: "uppercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
  return new $ZodCheckIncludes({
    check: "string_format",
    format: "includes",
    ...normalizeParams(params),
    includes
  });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
  return new $ZodCheckStartsWith({
    check: "string_format",
    format: "starts_with",
    ...normalizeParams(params),
    prefix
  });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
  return new $ZodCheckEndsWith({
    check: "string_format",
    format: "ends_with",
    ...normalizeParams(params),
    suffix
  });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
  return new $ZodCheckProperty({
    check: "property",
    property,
    schema,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
  return new $ZodCheckProperties({
    check: "properties",
    shape,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
  return new $ZodCheckMimeType({
    check: "mime_type",
    mime: types,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
  return new $ZodCheckOverwrite({
    check: "overwrite",
    tx
  });
}
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
  return /* @__PURE__ */ _overwrite((input3) => input3.normalize(form));
}
// @__NO_SIDE_EFFECTS__
function _trim() {
  return /* @__PURE__ */ _overwrite((input3) => input3.trim());
}
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
  return /* @__PURE__ */ _overwrite((input3) => input3.toLowerCase());
}
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
  return /* @__PURE__ */ _overwrite((input3) => input3.toUpperCase());
}
// @__NO_SIDE_EFFECTS__
function _slugify() {
  return /* @__PURE__ */ _overwrite((input3) => slugify(input3));
}
// @__NO_SIDE_EFFECTS__
function _array(Class2, element, params) {
  return new Class2({
    type: "array",
    element,
    // get element() {
    //   return element;
    // },
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _union(Class2, options, params) {
  return new Class2({
    type: "union",
    options,
    ...normalizeParams(params)
  });
}
function _xor(Class2, options, params) {
  return new Class2({
    type: "union",
    options,
    inclusive: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class2, discriminator, options, params) {
  return new Class2({
    type: "union",
    options,
    discriminator,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class2, left, right) {
  return new Class2({
    type: "intersection",
    left,
    right
  });
}
// @__NO_SIDE_EFFECTS__
function _tuple(Class2, items, _paramsOrRest, _params) {
  const hasRest = _paramsOrRest instanceof $ZodType;
  const params = hasRest ? _params : _paramsOrRest;
  const rest = hasRest ? _paramsOrRest : null;
  return new Class2({
    type: "tuple",
    items,
    rest,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _record(Class2, keyType, valueType, params) {
  return new Class2({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _map(Class2, keyType, valueType, params) {
  return new Class2({
    type: "map",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _set(Class2, valueType, params) {
  return new Class2({
    type: "set",
    valueType,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class2, values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new Class2({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _nativeEnum(Class2, entries, params) {
  return new Class2({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class2, value, params) {
  return new Class2({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _file(Class2, params) {
  return new Class2({
    type: "file",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class2, fn) {
  return new Class2({
    type: "transform",
    transform: fn
  });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class2, innerType) {
  return new Class2({
    type: "optional",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class2, innerType) {
  return new Class2({
    type: "nullable",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function _default(Class2, innerType, defaultValue) {
  return new Class2({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class2, innerType, params) {
  return new Class2({
    type: "nonoptional",
    innerType,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _success(Class2, innerType) {
  return new Class2({
    type: "success",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class2, innerType, catchValue) {
  return new Class2({
    type: "catch",
    innerType,
    catchValue: typeof catchValue === "function" ? catchValue : constantCatch(catchValue)
  });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class2, in_, out) {
  return new Class2({
    type: "pipe",
    in: in_,
    out
  });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class2, innerType) {
  return new Class2({
    type: "readonly",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class2, parts, params) {
  return new Class2({
    type: "template_literal",
    parts,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class2, getter) {
  return new Class2({
    type: "lazy",
    getter
  });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class2, innerType) {
  return new Class2({
    type: "promise",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class2, fn, _params) {
  const norm = normalizeParams(_params);
  norm.abort ?? (norm.abort = true);
  const schema = new Class2({
    type: "custom",
    check: "custom",
    fn,
    ...norm
  });
  return schema;
}
// @__NO_SIDE_EFFECTS__
function _refine(Class2, fn, _params) {
  const schema = new Class2({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
  const ch = /* @__PURE__ */ _check((payload) => {
    payload.addIssue = (issue2) => {
      if (typeof issue2 === "string") {
        payload.issues.push(issue(issue2, payload.value, ch._zod.def));
      } else {
        const _issue = issue2;
        if (_issue.fatal)
          _issue.continue = false;
        _issue.code ?? (_issue.code = "custom");
        if (!("input" in _issue))
          _issue.input = payload.value;
        _issue.inst ?? (_issue.inst = ch);
        _issue.continue ?? (_issue.continue = !ch._zod.def.abort);
        payload.issues.push(issue(_issue));
      }
    };
    return fn(payload.value, payload);
  }, params);
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
  const ch = new $ZodCheck({
    check: "custom",
    ...normalizeParams(params)
  });
  ch._zod.check = fn;
  return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
  const ch = new $ZodCheck({ check: "describe" });
  ch._zod.onattach = [
    (inst) => {
      const existing = globalRegistry.get(inst) ?? {};
      globalRegistry.add(inst, { ...existing, description });
    }
  ];
  ch._zod.check = () => {
  };
  return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
  const ch = new $ZodCheck({ check: "meta" });
  ch._zod.onattach = [
    (inst) => {
      const existing = globalRegistry.get(inst) ?? {};
      globalRegistry.add(inst, { ...existing, ...metadata });
    }
  ];
  ch._zod.check = () => {
  };
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
  const params = normalizeParams(_params);
  let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
  let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
  if (params.case !== "sensitive") {
    truthyArray = truthyArray.map((v) => typeof v === "string" ? v.toLowerCase() : v);
    falsyArray = falsyArray.map((v) => typeof v === "string" ? v.toLowerCase() : v);
  }
  const truthySet = new Set(truthyArray);
  const falsySet = new Set(falsyArray);
  const _Codec = Classes.Codec ?? $ZodCodec;
  const _Boolean = Classes.Boolean ?? $ZodBoolean;
  const _String = Classes.String ?? $ZodString;
  const stringSchema = new _String({ type: "string", error: params.error });
  const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
  const codec2 = new _Codec({
    type: "pipe",
    in: stringSchema,
    out: booleanSchema,
    transform: ((input3, payload) => {
      let data = input3;
      if (params.case !== "sensitive")
        data = data.toLowerCase();
      if (truthySet.has(data)) {
        return true;
      } else if (falsySet.has(data)) {
        return false;
      } else {
        payload.issues.push({
          code: "invalid_value",
          expected: "stringbool",
          values: [...truthySet, ...falsySet],
          input: payload.value,
          inst: codec2,
          continue: false
        });
        return {};
      }
    }),
    reverseTransform: ((input3, _payload) => {
      if (input3 === true) {
        return truthyArray[0] || "true";
      } else {
        return falsyArray[0] || "false";
      }
    }),
    error: params.error
  });
  codec2._zod.bag.truthy = truthyArray;
  codec2._zod.bag.falsy = falsyArray;
  codec2._zod.bag.case = params.case ?? "insensitive";
  return codec2;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class2, format, fnOrRegex, _params = {}) {
  const params = normalizeParams(_params);
  const def = {
    check: "string_format",
    type: "string",
    format,
    fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
    ...params
  };
  if (fnOrRegex instanceof RegExp) {
    def.pattern = fnOrRegex;
  }
  const inst = new Class2(def);
  return inst;
}

// node_modules/zod/v4/core/to-json-schema.js
function assignProps(target, ...sources) {
  for (const source of sources) {
    for (const key of Reflect.ownKeys(source)) {
      if (Object.prototype.propertyIsEnumerable.call(source, key)) {
        assignProp(target, key, source[key]);
      }
    }
  }
  return target;
}
function initializeContext(params) {
  let target = params?.target ?? "draft-2020-12";
  if (target === "draft-4")
    target = "draft-04";
  if (target === "draft-7")
    target = "draft-07";
  return {
    processors: params.processors ?? {},
    metadataRegistry: params?.metadata ?? globalRegistry,
    target,
    unrepresentable: params?.unrepresentable ?? "throw",
    override: params?.override ?? (() => {
    }),
    io: params?.io ?? "output",
    counter: 0,
    seen: /* @__PURE__ */ new Map(),
    sharedDefsExtractedFor: void 0,
    sharedEmitDoneFor: void 0,
    cycles: params?.cycles ?? "ref",
    reused: params?.reused ?? "inline",
    intersections: [],
    deferred: [],
    external: params?.external ?? void 0
  };
}
function handleUnrepresentable(schema, ctx, json2, params, message) {
  const result = typeof ctx.unrepresentable === "function" ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message }) : ctx.unrepresentable;
  if (result === "any")
    return false;
  if (result === void 0 || result === "throw")
    throw new Error(message);
  Object.assign(json2, result);
  return true;
}
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
  var _a3;
  const def = schema._zod.def;
  const seen = ctx.seen.get(schema);
  if (seen) {
    seen.count++;
    const isCycle = _params.schemaPath.includes(schema);
    if (isCycle) {
      seen.cycle = _params.path;
    }
    return seen.schema;
  }
  const result = { schema: {}, count: 1, cycle: void 0, path: _params.path };
  ctx.seen.set(schema, result);
  ctx.sharedDefsExtractedFor = void 0;
  ctx.sharedEmitDoneFor = void 0;
  const overrideSchema = schema._zod.toJSONSchema?.();
  if (overrideSchema) {
    result.schema = overrideSchema;
  } else {
    const params = {
      ..._params,
      schemaPath: [..._params.schemaPath, schema],
      path: _params.path
    };
    if (schema._zod.processJSONSchema) {
      schema._zod.processJSONSchema(ctx, result.schema, params);
    } else {
      const _json = result.schema;
      const processor = ctx.processors[def.type];
      if (!processor) {
        throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
      }
      processor(schema, ctx, _json, params);
    }
    const parent = schema._zod.parent;
    if (parent) {
      if (!result.ref)
        result.ref = parent;
      processSchema(parent, ctx, params);
      ctx.seen.get(parent).isParent = true;
    }
  }
  const meta3 = ctx.metadataRegistry.get(schema);
  if (meta3)
    assignProps(result.schema, meta3);
  if (ctx.io === "input" && isTransforming(schema)) {
    delete result.schema.examples;
    delete result.schema.default;
  }
  if (ctx.io === "input" && "_prefault" in result.schema)
    (_a3 = result.schema).default ?? (_a3.default = result.schema._prefault);
  delete result.schema._prefault;
  const _result = ctx.seen.get(schema);
  return _result.schema;
}
function encodeJSONPointerSegment(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema) {
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
    return;
  const idToSchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.entries()) {
    const id = ctx.metadataRegistry.get(entry[0])?.id;
    if (id) {
      const existing = idToSchema.get(id);
      if (existing && existing !== entry[0]) {
        throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
      }
      idToSchema.set(id, entry[0]);
    }
  }
  const makeURI = (entry) => {
    const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
    if (ctx.external) {
      const externalId = ctx.external.registry.get(entry[0])?.id;
      const uriGenerator = ctx.external.uri ?? ((id2) => id2);
      if (externalId) {
        return { ref: uriGenerator(externalId) };
      }
      const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
      entry[1].defId = id;
      return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
    }
    const uriPrefix = `#`;
    const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
    if (entry[1] === root && !entry[1].schema.id) {
      return { ref: uriPrefix };
    }
    const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
    return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
  };
  const extractToDef = (entry) => {
    if (entry[1].schema.$ref) {
      return;
    }
    const seen = entry[1];
    const { ref, defId } = makeURI(entry);
    seen.def = { ...seen.schema };
    if (defId)
      seen.defId = defId;
    const schema2 = seen.schema;
    for (const key in schema2) {
      delete schema2[key];
    }
    schema2.$ref = ref;
  };
  if (ctx.cycles === "throw") {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.cycle) {
        throw new Error(`Cycle detected: #/${seen.cycle?.join("/")}/<root>

Set the \`cycles\` parameter to \`"ref"\` to resolve cyclical schemas with defs.`);
      }
    }
  }
  for (const entry of ctx.seen.entries()) {
    const seen = entry[1];
    if (schema === entry[0]) {
      extractToDef(entry);
      continue;
    }
    if (ctx.external) {
      const ext = ctx.external.registry.get(entry[0])?.id;
      if (schema !== entry[0] && ext) {
        extractToDef(entry);
        continue;
      }
    }
    const id = ctx.metadataRegistry.get(entry[0])?.id;
    if (id) {
      extractToDef(entry);
      continue;
    }
    if (seen.cycle) {
      extractToDef(entry);
      continue;
    }
    if (seen.count > 1) {
      if (ctx.reused === "ref") {
        extractToDef(entry);
      }
    }
  }
  if (ctx.external)
    ctx.sharedDefsExtractedFor = ctx.external;
}
function compactTypeUnion(schema) {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length === 0 || schema.type !== void 0)
    return;
  const types = [];
  for (const option of options) {
    if (!option || typeof option !== "object")
      return;
    compactTypeUnion(option);
    const keys = Object.keys(option);
    if (keys.length !== 1 || keys[0] !== "type")
      return;
    const type = option.type;
    for (const member of Array.isArray(type) ? type : [type]) {
      if (typeof member !== "string")
        return;
      if (!types.includes(member))
        types.push(member);
    }
  }
  delete schema.anyOf;
  schema.type = types.length === 1 ? types[0] : types;
}
var FOLDABLE_KEYS = /* @__PURE__ */ new Set(["type", "properties", "required", "additionalProperties"]);
var UNION_KEYS = ["oneOf", "anyOf"];
function undeclaredConstraint(member) {
  const extra = member.additionalProperties;
  if (extra === void 0 || extra === false || typeof extra !== "object" || extra === null)
    return null;
  return Object.keys(extra).length ? extra : null;
}
function foldObjects(members2) {
  const objects = [];
  for (const member of members2) {
    if (typeof member !== "object" || member.type !== "object")
      return null;
    for (const key in member) {
      if (!FOLDABLE_KEYS.has(key))
        return null;
    }
    objects.push(member);
  }
  const properties = {};
  const required2 = /* @__PURE__ */ new Set();
  for (const object2 of objects) {
    for (const key in object2.properties) {
      if (Object.prototype.hasOwnProperty.call(properties, key))
        continue;
      const parts = [];
      for (const other of objects) {
        const part = other.properties?.[key] ?? undeclaredConstraint(other);
        if (part === null || part === void 0)
          continue;
        if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
          parts.push(part);
      }
      const merged = parts.length === 1 ? parts[0] : foldObjects(parts) ?? { allOf: parts };
      assignProp(properties, key, merged);
    }
    for (const key of object2.required ?? [])
      required2.add(key);
  }
  const folded = { type: "object", properties };
  if (required2.size)
    folded.required = [...required2];
  if (objects.every((object2) => object2.additionalProperties === false)) {
    folded.additionalProperties = false;
  } else {
    const constraints = [];
    for (const object2 of objects) {
      const constraint = undeclaredConstraint(object2);
      if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
        constraints.push(constraint);
    }
    if (constraints.length === 1)
      folded.additionalProperties = constraints[0];
    else if (constraints.length > 1)
      folded.additionalProperties = { allOf: constraints };
  }
  return folded;
}
function foldIntersection(json2) {
  const allOf = json2.allOf;
  if (!Array.isArray(allOf) || allOf.length < 2)
    return;
  for (const key of FOLDABLE_KEYS)
    if (key in json2)
      return;
  const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
  let folded = null;
  if (!unions.length) {
    folded = foldObjects(allOf);
  } else {
    const union2 = unions[0];
    const keyword = UNION_KEYS.find((k) => Array.isArray(union2[k]));
    if (Object.keys(union2).length !== 1)
      return;
    const rest = allOf.filter((m) => m !== union2);
    const branches = union2[keyword].map((branch) => foldObjects([...rest, branch]));
    if (branches.some((b) => !b))
      return;
    folded = { [keyword]: branches };
  }
  if (!folded)
    return;
  delete json2.allOf;
  assignProps(json2, folded);
}
function finalize(ctx, schema) {
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  const flattenRef = (zodSchema) => {
    const seen = ctx.seen.get(zodSchema);
    if (seen.ref === null)
      return;
    const schema2 = seen.def ?? seen.schema;
    const _cached = { ...schema2 };
    const ref = seen.ref;
    seen.ref = null;
    if (ref) {
      flattenRef(ref);
      const refSeen = ctx.seen.get(ref);
      const refSchema = refSeen.schema;
      if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
        schema2.allOf = schema2.allOf ?? [];
        schema2.allOf.push(refSchema);
      } else {
        assignProps(schema2, refSchema);
      }
      assignProps(schema2, _cached);
      const isParentRef = zodSchema._zod.parent === ref;
      if (isParentRef) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (!(key in _cached)) {
            delete schema2[key];
          }
        }
      }
      if (refSchema.$ref && refSeen.def) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (key in refSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(refSeen.def[key])) {
            delete schema2[key];
          }
        }
      }
    }
    const parent = zodSchema._zod.parent;
    if (parent && parent !== ref) {
      flattenRef(parent);
      const parentSeen = ctx.seen.get(parent);
      if (parentSeen?.schema.$ref) {
        schema2.$ref = parentSeen.schema.$ref;
        if (parentSeen.def) {
          for (const key in schema2) {
            if (key === "$ref" || key === "allOf")
              continue;
            if (key in parentSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(parentSeen.def[key])) {
              delete schema2[key];
            }
          }
        }
      }
    }
    ctx.override({
      zodSchema,
      jsonSchema: schema2,
      path: seen.path ?? []
    });
  };
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of [...ctx.seen.entries()].reverse()) {
      flattenRef(entry[0]);
    }
    if (ctx.target !== "openapi-3.0") {
      for (const entry of ctx.seen.entries()) {
        compactTypeUnion(entry[1].def ?? entry[1].schema);
      }
    }
    for (const rewrite of ctx.deferred)
      rewrite();
    if (ctx.intersections.length) {
      const carriers = /* @__PURE__ */ new Map();
      for (const seen of ctx.seen.values()) {
        for (const json2 of [seen.schema, seen.def]) {
          const allOf = json2?.allOf;
          if (!Array.isArray(allOf))
            continue;
          const existing = carriers.get(allOf);
          if (existing)
            existing.push(json2);
          else
            carriers.set(allOf, [json2]);
        }
      }
      for (const allOf of ctx.intersections) {
        for (const json2 of carriers.get(allOf) ?? [])
          foldIntersection(json2);
      }
    }
  }
  const result = {};
  if (ctx.target === "draft-2020-12") {
    result.$schema = "https://json-schema.org/draft/2020-12/schema";
  } else if (ctx.target === "draft-07") {
    result.$schema = "http://json-schema.org/draft-07/schema#";
  } else if (ctx.target === "draft-04") {
    result.$schema = "http://json-schema.org/draft-04/schema#";
  } else if (ctx.target === "openapi-3.0") {
  } else {
  }
  if (ctx.external?.uri) {
    const id = ctx.external.registry.get(schema)?.id;
    if (!id)
      throw new Error("Schema is missing an `id` property");
    result.$id = ctx.external.uri(id);
  }
  assignProps(result, root.defId ? root.schema : root.def ?? root.schema);
  const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
  if (rootMetaId !== void 0 && result.id === rootMetaId)
    delete result.id;
  const defs = ctx.external?.defs ?? {};
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.def && seen.defId) {
        if (seen.def.id === seen.defId)
          delete seen.def.id;
        assignProp(defs, seen.defId, seen.def);
      }
    }
  }
  if (ctx.external)
    ctx.sharedEmitDoneFor = ctx.external;
  if (ctx.external) {
  } else {
    if (Object.keys(defs).length > 0) {
      if (ctx.target === "draft-2020-12") {
        result.$defs = defs;
      } else {
        result.definitions = defs;
      }
    }
  }
  try {
    const finalized = JSON.parse(JSON.stringify(result));
    Object.defineProperty(finalized, "~standard", {
      value: {
        ...schema["~standard"],
        jsonSchema: {
          input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
          output: createStandardJSONSchemaMethod(schema, "output", ctx.processors)
        }
      },
      enumerable: false,
      writable: false
    });
    return finalized;
  } catch (_err) {
    throw new Error("Error converting schema to JSON.");
  }
}
function isTransforming(_schema, _ctx) {
  const ctx = _ctx ?? { seen: /* @__PURE__ */ new Set() };
  if (ctx.seen.has(_schema))
    return false;
  ctx.seen.add(_schema);
  const def = _schema._zod.def;
  if (def.type === "transform")
    return true;
  if (def.type === "array")
    return isTransforming(def.element, ctx);
  if (def.type === "set")
    return isTransforming(def.valueType, ctx);
  if (def.type === "lazy")
    return isTransforming(def.getter(), ctx);
  if (def.type === "promise" || def.type === "optional" || def.type === "nonoptional" || def.type === "nullable" || def.type === "readonly" || def.type === "default" || def.type === "prefault" || def.type === "catch") {
    return isTransforming(def.innerType, ctx);
  }
  if (def.type === "intersection") {
    return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
  }
  if (def.type === "record" || def.type === "map") {
    return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
  }
  if (def.type === "pipe") {
    if (_schema._zod.traits.has("$ZodCodec"))
      return true;
    return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
  }
  if (def.type === "object") {
    for (const key in def.shape) {
      if (isTransforming(def.shape[key], ctx))
        return true;
    }
    return false;
  }
  if (def.type === "union") {
    for (const option of def.options) {
      if (isTransforming(option, ctx))
        return true;
    }
    return false;
  }
  if (def.type === "tuple") {
    for (const item of def.items) {
      if (isTransforming(item, ctx))
        return true;
    }
    if (def.rest && isTransforming(def.rest, ctx))
      return true;
    return false;
  }
  return false;
}
var createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
  const ctx = initializeContext({ ...params, processors });
  processSchema(schema, ctx);
  extractDefs(ctx, schema);
  return finalize(ctx, schema);
};
var createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
  const { libraryOptions, target } = params ?? {};
  const ctx = initializeContext({ ...libraryOptions ?? {}, target, io, processors });
  processSchema(schema, ctx);
  extractDefs(ctx, schema);
  return finalize(ctx, schema);
};

// node_modules/zod/v4/core/json-schema-processors.js
var narrowMin = (agg, key, value) => {
  if (agg[key] === void 0 || value > agg[key])
    agg[key] = value;
};
var narrowMax = (agg, key, value) => {
  if (agg[key] === void 0 || value < agg[key])
    agg[key] = value;
};
var narrowBoth = (agg, value) => {
  narrowMin(agg, "minimum", value);
  narrowMax(agg, "maximum", value);
};
var addDivisor = (agg, value) => {
  agg.multipleOf ?? (agg.multipleOf = []);
  if (!agg.multipleOf.includes(value))
    agg.multipleOf.push(value);
};
var addPattern = (agg, pattern) => {
  agg.patterns ?? (agg.patterns = /* @__PURE__ */ new Set());
  agg.patterns.add(pattern);
};
var intersectMime = (agg, mime) => {
  agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
var setFormat = (agg, format) => {
  agg.format = format;
  if (format.includes("int"))
    agg.isInt = true;
};
var minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
var maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
var formatContributor = (ranges) => (agg, def) => {
  setFormat(agg, def.format);
  const [minimum, maximum] = ranges[def.format];
  narrowMin(agg, "minimum", minimum);
  narrowMax(agg, "maximum", maximum);
};
var contributors = {
  greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
  less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
  multiple_of: (agg, def) => addDivisor(agg, def.value),
  number_format: formatContributor(NUMBER_FORMAT_RANGES),
  bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
  min_length: minContributor,
  max_length: maxContributor,
  length_equals: (agg, def) => narrowBoth(agg, def.length),
  min_size: minContributor,
  max_size: maxContributor,
  size_equals: (agg, def) => narrowBoth(agg, def.size),
  string_format: (agg, def) => {
    setFormat(agg, def.format);
    if (def.pattern)
      addPattern(agg, def.pattern);
    if (def.format === "base64" || def.format === "base64url")
      agg.contentEncoding = def.format;
    if (def.local || def.precision === -1)
      agg.laxFormat = true;
  },
  mime_type: (agg, def) => intersectMime(agg, def.mime)
};
function aggregateChecks(schema) {
  const agg = {};
  const def = schema._zod.def;
  const list = schema._zod.traits.has("$ZodCheck") ? [schema, ...def.checks ?? []] : def.checks ?? [];
  for (const ch of list)
    contributors[ch._zod.def.check]?.(agg, ch._zod.def);
  const bag = schema._zod.bag;
  if (bag.minimum !== void 0)
    narrowMin(agg, "minimum", bag.minimum);
  if (bag.exclusiveMinimum !== void 0)
    narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
  if (bag.maximum !== void 0)
    narrowMax(agg, "maximum", bag.maximum);
  if (bag.exclusiveMaximum !== void 0)
    narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
  if (bag.multipleOf !== void 0)
    addDivisor(agg, bag.multipleOf);
  if (bag.format !== void 0) {
    agg.format ?? (agg.format = bag.format);
    if (bag.format.includes("int"))
      agg.isInt = true;
  }
  if (bag.mime)
    intersectMime(agg, bag.mime);
  for (const pattern of bag.patterns ?? [])
    addPattern(agg, pattern);
  return agg;
}
var formatMap = {
  guid: "uuid",
  url: "uri",
  datetime: "date-time",
  json_string: "json-string",
  regex: ""
  // do not set
};
var exactPatterns = /* @__PURE__ */ new Map([
  [base64Charset, base64],
  [base64urlCharset, base64url]
]);
var exactPattern = (p) => exactPatterns.get(p) ?? p;
var stringProcessor = (schema, ctx, _json, _params) => {
  const json2 = _json;
  json2.type = "string";
  const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
  if (typeof minimum === "number")
    json2.minLength = minimum;
  if (typeof maximum === "number")
    json2.maxLength = maximum;
  if (format) {
    json2.format = formatMap[format] ?? format;
    if (json2.format === "")
      delete json2.format;
    if (format === "time" || laxFormat) {
      delete json2.format;
    }
  }
  if (contentEncoding)
    json2.contentEncoding = contentEncoding;
  if (patterns && patterns.size > 0) {
    const patternList = [...patterns].map(exactPattern);
    if (patternList.length === 1)
      json2.pattern = patternList[0].source;
    else if (patternList.length > 1) {
      json2.allOf = [
        ...patternList.map((regex) => ({
          ...ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0" ? { type: "string" } : {},
          pattern: regex.source
        }))
      ];
    }
  }
};
var numberProcessor = (schema, ctx, _json, params) => {
  const json2 = _json;
  const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
  json2.type = isInt ? "integer" : "number";
  const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
  const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
  const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
  if (exMin) {
    if (legacy) {
      json2.minimum = exclusiveMinimum;
      json2.exclusiveMinimum = true;
    } else {
      json2.exclusiveMinimum = exclusiveMinimum;
    }
  } else if (typeof minimum === "number") {
    json2.minimum = minimum;
  }
  if (exMax) {
    if (legacy) {
      json2.maximum = exclusiveMaximum;
      json2.exclusiveMaximum = true;
    } else {
      json2.exclusiveMaximum = exclusiveMaximum;
    }
  } else if (typeof maximum === "number") {
    json2.maximum = maximum;
  }
  if (multipleOf) {
    const divisors = /* @__PURE__ */ new Set();
    for (const divisor of multipleOf) {
      if (Number.isFinite(divisor) && divisor !== 0)
        divisors.add(Math.abs(divisor));
      else
        handleUnrepresentable(schema, ctx, json2, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
    }
    const [first, ...rest] = divisors;
    if (first !== void 0)
      json2.multipleOf = first;
    if (rest.length)
      json2.allOf = [...json2.allOf ?? [], ...rest.map((m) => ({ multipleOf: m }))];
  }
};
var booleanProcessor = (_schema, _ctx, json2, _params) => {
  json2.type = "boolean";
};
var bigintProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "BigInt cannot be represented in JSON Schema");
};
var symbolProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Symbols cannot be represented in JSON Schema");
};
var nullProcessor = (_schema, ctx, json2, _params) => {
  if (ctx.target === "openapi-3.0") {
    json2.type = "string";
    json2.nullable = true;
    json2.enum = [null];
  } else {
    json2.type = "null";
  }
};
var undefinedProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Undefined cannot be represented in JSON Schema");
};
var voidProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Void cannot be represented in JSON Schema");
};
var neverProcessor = (_schema, _ctx, json2, _params) => {
  json2.not = {};
};
var anyProcessor = (_schema, _ctx, _json, _params) => {
};
var unknownProcessor = (_schema, _ctx, _json, _params) => {
};
var dateProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Date cannot be represented in JSON Schema");
};
var enumProcessor = (schema, _ctx, json2, _params) => {
  const def = schema._zod.def;
  const values = getEnumValues(def.entries);
  if (values.length === 0) {
    json2.not = {};
    return;
  }
  if (values.every((v) => typeof v === "number"))
    json2.type = "number";
  if (values.every((v) => typeof v === "string"))
    json2.type = "string";
  json2.enum = values;
};
var literalProcessor = (schema, ctx, json2, params) => {
  const def = schema._zod.def;
  if (def.values.length === 0) {
    json2.not = {};
    return;
  }
  const vals = [];
  for (const val of def.values) {
    if (val === void 0) {
      if (handleUnrepresentable(schema, ctx, json2, params, "Literal `undefined` cannot be represented in JSON Schema"))
        return;
    } else if (typeof val === "bigint") {
      if (handleUnrepresentable(schema, ctx, json2, params, "BigInt literals cannot be represented in JSON Schema"))
        return;
      vals.push(Number(val));
    } else {
      vals.push(val);
    }
  }
  if (vals.length === 0) {
  } else if (vals.length === 1) {
    const val = vals[0];
    json2.type = val === null ? "null" : typeof val;
    if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
      json2.enum = [val];
    } else {
      json2.const = val;
    }
  } else {
    if (vals.every((v) => typeof v === "number"))
      json2.type = "number";
    if (vals.every((v) => typeof v === "string"))
      json2.type = "string";
    if (vals.every((v) => typeof v === "boolean"))
      json2.type = "boolean";
    if (vals.every((v) => v === null))
      json2.type = "null";
    json2.enum = vals;
  }
};
var nanProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "NaN cannot be represented in JSON Schema");
};
var templateLiteralProcessor = (schema, _ctx, json2, _params) => {
  const _json = json2;
  const pattern = schema._zod.pattern;
  if (!pattern)
    throw new Error("Pattern not found in template literal");
  _json.type = "string";
  _json.pattern = pattern.source;
};
var fileProcessor = (schema, _ctx, json2, _params) => {
  const _json = json2;
  _json.type = "string";
  _json.format = "binary";
  _json.contentEncoding = "binary";
  const { minimum, maximum, mime } = aggregateChecks(schema);
  if (minimum !== void 0)
    _json.minLength = minimum;
  if (maximum !== void 0)
    _json.maxLength = maximum;
  if (!mime)
    return;
  if (mime.length === 0)
    _json.not = {};
  else if (mime.length === 1)
    _json.contentMediaType = mime[0];
  else
    _json.anyOf = mime.map((m) => ({ contentMediaType: m }));
};
var successProcessor = (_schema, _ctx, json2, _params) => {
  json2.type = "boolean";
};
var customProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Custom types cannot be represented in JSON Schema");
};
var functionProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Function types cannot be represented in JSON Schema");
};
var transformProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Transforms cannot be represented in JSON Schema");
};
var mapProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Map cannot be represented in JSON Schema");
};
var setProcessor = (schema, ctx, json2, params) => {
  handleUnrepresentable(schema, ctx, json2, params, "Set cannot be represented in JSON Schema");
};
var arrayProcessor = (schema, ctx, _json, params) => {
  const json2 = _json;
  const def = schema._zod.def;
  const { minimum, maximum } = aggregateChecks(schema);
  if (typeof minimum === "number")
    json2.minItems = minimum;
  if (typeof maximum === "number")
    json2.maxItems = maximum;
  json2.type = "array";
  json2.items = processSchema(def.element, ctx, {
    ...params,
    path: [...params.path, "items"]
  });
};
function inputOptin(schema) {
  const def = schema._zod.def;
  if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
    return inputOptin(def.out);
  }
  if (def.type === "catch") {
    return inputOptin(def.innerType);
  }
  return schema._zod.optin;
}
var objectProcessor = (schema, ctx, _json, params) => {
  const json2 = _json;
  const def = schema._zod.def;
  const shape = def.shape;
  const symbolKeys = Object.getOwnPropertySymbols(shape);
  if (symbolKeys.length && handleUnrepresentable(schema, ctx, json2, params, "Symbol keys cannot be represented in JSON Schema")) {
    return;
  }
  json2.type = "object";
  json2.properties = {};
  for (const key in shape) {
    assignProp(json2.properties, key, processSchema(shape[key], ctx, {
      ...params,
      path: [...params.path, "properties", key]
    }));
  }
  const requiredKeys = [];
  for (const key of Object.keys(shape)) {
    const field = def.shape[key];
    if (ctx.io === "input" ? inputOptin(field) === void 0 : field._zod.optout === void 0) {
      requiredKeys.push(key);
    }
  }
  if (requiredKeys.length > 0) {
    json2.required = requiredKeys;
  }
  if (def.catchall?._zod.def.type === "never") {
    json2.additionalProperties = false;
  } else if (!def.catchall) {
    if (ctx.io === "output")
      json2.additionalProperties = false;
  } else if (def.catchall) {
    json2.additionalProperties = processSchema(def.catchall, ctx, {
      ...params,
      path: [...params.path, "additionalProperties"]
    });
  }
};
var unionProcessor = (schema, ctx, json2, params) => {
  const def = schema._zod.def;
  const isExclusive = def.inclusive === false;
  const options = def.options.map((x, i) => processSchema(x, ctx, {
    ...params,
    path: [...params.path, isExclusive ? "oneOf" : "anyOf", i]
  }));
  if (isExclusive) {
    json2.oneOf = options;
  } else {
    json2.anyOf = options;
  }
};
var intersectionProcessor = (schema, ctx, json2, params) => {
  const def = schema._zod.def;
  const a = processSchema(def.left, ctx, {
    ...params,
    path: [...params.path, "allOf", 0]
  });
  const b = processSchema(def.right, ctx, {
    ...params,
    path: [...params.path, "allOf", 1]
  });
  const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
  const allOf = [
    ...isSimpleIntersection(a) ? a.allOf : [a],
    ...isSimpleIntersection(b) ? b.allOf : [b]
  ];
  json2.allOf = allOf;
  ctx.intersections.push(allOf);
};
var tupleProcessor = (schema, ctx, _json, params) => {
  const json2 = _json;
  const def = schema._zod.def;
  json2.type = "array";
  const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
  const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
  const prefixItems = def.items.map((x, i) => processSchema(x, ctx, {
    ...params,
    path: [...params.path, prefixPath, i]
  }));
  const rest = def.rest ? processSchema(def.rest, ctx, {
    ...params,
    path: [...params.path, restPath, ...ctx.target === "openapi-3.0" ? [def.items.length] : []]
  }) : null;
  let minItems = def.items.length;
  while (minItems > 0) {
    const item = def.items[minItems - 1];
    const optional3 = ctx.io === "input" ? inputOptin(item) !== void 0 : item._zod.optout === "optional";
    if (!optional3)
      break;
    minItems--;
  }
  const maxItems = def.items.length;
  const isClosed = !def.rest;
  if (ctx.target === "draft-2020-12") {
    json2.prefixItems = prefixItems;
    if (isClosed) {
      json2.items = false;
    } else if (rest) {
      json2.items = rest;
    }
    if (minItems > 0)
      json2.minItems = minItems;
    if (isClosed)
      json2.maxItems = maxItems;
  } else if (ctx.target === "openapi-3.0") {
    json2.items = {
      anyOf: prefixItems
    };
    if (rest) {
      json2.items.anyOf.push(rest);
    }
    if (minItems > 0)
      json2.minItems = minItems;
    if (isClosed)
      json2.maxItems = maxItems;
  } else {
    json2.items = prefixItems;
    if (isClosed) {
      json2.additionalItems = false;
    } else if (rest) {
      json2.additionalItems = rest;
    }
    if (minItems > 0)
      json2.minItems = minItems;
    if (isClosed)
      json2.maxItems = maxItems;
  }
  const { minimum, maximum } = aggregateChecks(schema);
  if (typeof minimum === "number")
    json2.minItems = minimum;
  if (typeof maximum === "number")
    json2.maxItems = maximum;
};
function stringifyKeyNames(bySchema, json2, visited) {
  if (json2.$ref) {
    if (visited.has(json2))
      return json2;
    visited.add(json2);
    const def = bySchema.get(json2)?.def;
    if (!def)
      return json2;
    const inlined = stringifyKeyNames(bySchema, def, visited);
    return inlined === def ? json2 : inlined;
  }
  for (const keyword of ["anyOf", "oneOf"]) {
    const branches = json2[keyword];
    if (!Array.isArray(branches))
      continue;
    const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
    if (mapped.some((branch, i) => branch !== branches[i]))
      json2 = { ...json2, [keyword]: mapped };
  }
  const types = Array.isArray(json2.type) ? json2.type : [json2.type];
  const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
  const values = json2.enum ?? (json2.const !== void 0 ? [json2.const] : void 0);
  if (!numericType && !values?.some((v) => typeof v === "number"))
    return json2;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json2;
  if (rest.enum)
    rest.enum = rest.enum.map((v) => typeof v === "number" ? String(v) : v);
  else if (typeof rest.const === "number")
    rest.const = String(rest.const);
  if (!numericType)
    return rest;
  rest.type = "string";
  if (!values)
    rest.pattern = (types.includes("number") ? number : integer).source;
  return rest;
}
var pendingRecords = /* @__PURE__ */ new WeakMap();
function rewriteKeyNames(ctx) {
  const bySchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.values()) {
    if (entry.def && !bySchema.has(entry.schema))
      bySchema.set(entry.schema, entry);
  }
  const rewrites = /* @__PURE__ */ new Map();
  for (const record2 of pendingRecords.get(ctx) ?? []) {
    const seen = ctx.seen.get(record2);
    const names = (seen?.def ?? seen?.schema)?.propertyNames;
    if (!names || names === true || rewrites.has(names))
      continue;
    const rewritten = stringifyKeyNames(bySchema, names, /* @__PURE__ */ new Set());
    if (rewritten !== names)
      rewrites.set(names, rewritten);
  }
  if (!rewrites.size)
    return;
  for (const entry of ctx.seen.values()) {
    for (const carrier of [entry.schema, entry.def]) {
      const rewritten = carrier && rewrites.get(carrier.propertyNames);
      if (rewritten)
        carrier.propertyNames = rewritten;
    }
  }
}
var recordProcessor = (schema, ctx, _json, params) => {
  const json2 = _json;
  const def = schema._zod.def;
  json2.type = "object";
  const keyType = def.keyType;
  const patterns = aggregateChecks(keyType).patterns;
  if (def.mode === "loose" && patterns && patterns.size > 0) {
    const valueSchema = processSchema(def.valueType, ctx, {
      ...params,
      path: [...params.path, "patternProperties", "*"]
    });
    json2.patternProperties = {};
    for (const pattern of patterns) {
      assignProp(json2.patternProperties, exactPattern(pattern).source, valueSchema);
    }
  } else {
    if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
      json2.propertyNames = processSchema(def.keyType, ctx, {
        ...params,
        path: [...params.path, "propertyNames"]
      });
      let pending = pendingRecords.get(ctx);
      if (!pending) {
        pending = [];
        pendingRecords.set(ctx, pending);
        ctx.deferred.push(() => rewriteKeyNames(ctx));
      }
      pending.push(schema);
    }
    json2.additionalProperties = processSchema(def.valueType, ctx, {
      ...params,
      path: [...params.path, "additionalProperties"]
    });
  }
  const keyValues = keyType._zod.values;
  const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== void 0;
  if (keyValues && !def.partial && !omittableOnInput) {
    const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
    if (validKeyValues.length > 0) {
      json2.required = validKeyValues.map(String);
    }
  }
};
var nullableProcessor = (schema, ctx, json2, params) => {
  const def = schema._zod.def;
  const inner = processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  if (ctx.target === "openapi-3.0") {
    seen.ref = def.innerType;
    json2.nullable = true;
  } else {
    json2.anyOf = [inner, { type: "null" }];
  }
};
var nonoptionalProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
};
var UNREPRESENTABLE_DEFAULT = /* @__PURE__ */ Symbol();
function serializeDefaultValue(value, schema, ctx, json2, params) {
  let unrepresentable = false;
  const serialized = JSON.stringify(value, (_, val) => {
    if (typeof val !== "bigint")
      return val;
    unrepresentable = true;
    return null;
  });
  if (!unrepresentable)
    return JSON.parse(serialized);
  handleUnrepresentable(schema, ctx, json2, params, "BigInt defaults cannot be represented in JSON Schema");
  return UNREPRESENTABLE_DEFAULT;
}
var defaultProcessor = (schema, ctx, json2, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  const value = serializeDefaultValue(def.defaultValue, schema, ctx, json2, params);
  if (value !== UNREPRESENTABLE_DEFAULT)
    json2.default = value;
};
var prefaultProcessor = (schema, ctx, json2, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  if (ctx.io !== "input")
    return;
  const value = serializeDefaultValue(def.defaultValue, schema, ctx, json2, params);
  if (value !== UNREPRESENTABLE_DEFAULT)
    json2._prefault = value;
};
var catchProcessor = (schema, ctx, json2, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  let catchValue;
  try {
    catchValue = def.catchValue(void 0);
  } catch {
    handleUnrepresentable(schema, ctx, json2, params, "Dynamic catch values are not supported in JSON Schema");
    return;
  }
  json2.default = catchValue;
};
var pipeProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  const inIsTransform = def.in._zod.traits.has("$ZodTransform");
  const innerType = ctx.io === "input" ? inIsTransform ? def.out : def.in : def.out;
  processSchema(innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = innerType;
};
var readonlyProcessor = (schema, ctx, json2, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  json2.readOnly = true;
};
var promiseProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
};
var optionalProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
};
var lazyProcessor = (schema, ctx, _json, params) => {
  const innerType = schema._zod.innerType;
  processSchema(innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = innerType;
};
var allProcessors = {
  string: stringProcessor,
  number: numberProcessor,
  boolean: booleanProcessor,
  bigint: bigintProcessor,
  symbol: symbolProcessor,
  null: nullProcessor,
  undefined: undefinedProcessor,
  void: voidProcessor,
  never: neverProcessor,
  any: anyProcessor,
  unknown: unknownProcessor,
  date: dateProcessor,
  enum: enumProcessor,
  literal: literalProcessor,
  nan: nanProcessor,
  template_literal: templateLiteralProcessor,
  file: fileProcessor,
  success: successProcessor,
  custom: customProcessor,
  function: functionProcessor,
  transform: transformProcessor,
  map: mapProcessor,
  set: setProcessor,
  array: arrayProcessor,
  object: objectProcessor,
  union: unionProcessor,
  intersection: intersectionProcessor,
  tuple: tupleProcessor,
  record: recordProcessor,
  nullable: nullableProcessor,
  nonoptional: nonoptionalProcessor,
  default: defaultProcessor,
  prefault: prefaultProcessor,
  catch: catchProcessor,
  pipe: pipeProcessor,
  readonly: readonlyProcessor,
  promise: promiseProcessor,
  optional: optionalProcessor,
  lazy: lazyProcessor
};
function toJSONSchema(input3, params) {
  if ("_idmap" in input3) {
    const registry2 = input3;
    const ctx2 = initializeContext({ ...params, processors: allProcessors });
    const defs = {};
    for (const entry of registry2._idmap.entries()) {
      const [_, schema] = entry;
      processSchema(schema, ctx2);
    }
    const schemas = {};
    const external = {
      registry: registry2,
      uri: params?.uri,
      defs
    };
    ctx2.external = external;
    for (const entry of registry2._idmap.entries()) {
      const [key, schema] = entry;
      extractDefs(ctx2, schema);
      assignProp(schemas, key, finalize(ctx2, schema));
    }
    if (Object.keys(defs).length > 0) {
      const defsSegment = ctx2.target === "draft-2020-12" ? "$defs" : "definitions";
      schemas.__shared = {
        [defsSegment]: defs
      };
    }
    return { schemas };
  }
  const ctx = initializeContext({ ...params, processors: allProcessors });
  processSchema(input3, ctx);
  extractDefs(ctx, input3);
  return finalize(ctx, input3);
}

// node_modules/zod/v4/core/json-schema-generator.js
var JSONSchemaGenerator = class {
  /** @deprecated Access via ctx instead */
  get metadataRegistry() {
    return this.ctx.metadataRegistry;
  }
  /** @deprecated Access via ctx instead */
  get target() {
    return this.ctx.target;
  }
  // annotated so the .d.cts emits an indexed access rather than an inline `import()` of an ESM path
  /** @deprecated Access via ctx instead */
  get unrepresentable() {
    return this.ctx.unrepresentable;
  }
  /** @deprecated Access via ctx instead */
  get override() {
    return this.ctx.override;
  }
  /** @deprecated Access via ctx instead */
  get io() {
    return this.ctx.io;
  }
  /** @deprecated Access via ctx instead */
  get counter() {
    return this.ctx.counter;
  }
  set counter(value) {
    this.ctx.counter = value;
  }
  /** @deprecated Access via ctx instead */
  get seen() {
    return this.ctx.seen;
  }
  constructor(params) {
    let normalizedTarget = params?.target ?? "draft-2020-12";
    if (normalizedTarget === "draft-4")
      normalizedTarget = "draft-04";
    if (normalizedTarget === "draft-7")
      normalizedTarget = "draft-07";
    this.ctx = initializeContext({
      processors: allProcessors,
      target: normalizedTarget,
      ...params?.metadata && { metadata: params.metadata },
      ...params?.unrepresentable && { unrepresentable: params.unrepresentable },
      ...params?.override && { override: params.override },
      ...params?.io && { io: params.io }
    });
  }
  /**
   * Process a schema to prepare it for JSON Schema generation.
   * This must be called before emit().
   */
  process(schema, _params = { path: [], schemaPath: [] }) {
    return processSchema(schema, this.ctx, _params);
  }
  /**
   * Emit the final JSON Schema after processing.
   * Must call process() first.
   */
  emit(schema, _params) {
    if (_params) {
      if (_params.cycles)
        this.ctx.cycles = _params.cycles;
      if (_params.reused)
        this.ctx.reused = _params.reused;
      if (_params.external)
        this.ctx.external = _params.external;
    }
    this.ctx.sharedDefsExtractedFor = void 0;
    this.ctx.sharedEmitDoneFor = void 0;
    extractDefs(this.ctx, schema);
    const result = finalize(this.ctx, schema);
    const { "~standard": _, ...plainResult } = result;
    return plainResult;
  }
};

// node_modules/zod/v4/core/json-schema.js
var json_schema_exports = {};

// node_modules/zod/v4/classic/schemas.js
var schemas_exports2 = {};
__export(schemas_exports2, {
  ZodAny: () => ZodAny,
  ZodArray: () => ZodArray,
  ZodBase64: () => ZodBase64,
  ZodBase64URL: () => ZodBase64URL,
  ZodBigInt: () => ZodBigInt,
  ZodBigIntFormat: () => ZodBigIntFormat,
  ZodBoolean: () => ZodBoolean,
  ZodCIDRv4: () => ZodCIDRv4,
  ZodCIDRv6: () => ZodCIDRv6,
  ZodCUID: () => ZodCUID,
  ZodCUID2: () => ZodCUID2,
  ZodCatch: () => ZodCatch,
  ZodCodec: () => ZodCodec,
  ZodCreditCard: () => ZodCreditCard,
  ZodCustom: () => ZodCustom,
  ZodCustomStringFormat: () => ZodCustomStringFormat,
  ZodDate: () => ZodDate,
  ZodDefault: () => ZodDefault,
  ZodDiscriminatedUnion: () => ZodDiscriminatedUnion,
  ZodE164: () => ZodE164,
  ZodEmail: () => ZodEmail,
  ZodEmoji: () => ZodEmoji,
  ZodEnum: () => ZodEnum,
  ZodExactOptional: () => ZodExactOptional,
  ZodFile: () => ZodFile,
  ZodFunction: () => ZodFunction,
  ZodGUID: () => ZodGUID,
  ZodIBAN: () => ZodIBAN,
  ZodIPv4: () => ZodIPv4,
  ZodIPv6: () => ZodIPv6,
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  ZodInstanceOf: () => ZodInstanceOf,
  ZodIntersection: () => ZodIntersection,
  ZodJWT: () => ZodJWT,
  ZodKSUID: () => ZodKSUID,
  ZodLazy: () => ZodLazy,
  ZodLiteral: () => ZodLiteral,
  ZodMAC: () => ZodMAC,
  ZodMap: () => ZodMap,
  ZodNaN: () => ZodNaN,
  ZodNanoID: () => ZodNanoID,
  ZodNever: () => ZodNever,
  ZodNonOptional: () => ZodNonOptional,
  ZodNull: () => ZodNull,
  ZodNullable: () => ZodNullable,
  ZodNumber: () => ZodNumber,
  ZodNumberFormat: () => ZodNumberFormat,
  ZodObject: () => ZodObject,
  ZodOptional: () => ZodOptional,
  ZodPipe: () => ZodPipe,
  ZodPrefault: () => ZodPrefault,
  ZodPreprocess: () => ZodPreprocess,
  ZodPromise: () => ZodPromise,
  ZodReadonly: () => ZodReadonly,
  ZodRecord: () => ZodRecord,
  ZodSet: () => ZodSet,
  ZodString: () => ZodString,
  ZodStringFormat: () => ZodStringFormat,
  ZodSuccess: () => ZodSuccess,
  ZodSymbol: () => ZodSymbol,
  ZodTemplateLiteral: () => ZodTemplateLiteral,
  ZodTransform: () => ZodTransform,
  ZodTuple: () => ZodTuple,
  ZodType: () => ZodType,
  ZodULID: () => ZodULID,
  ZodURL: () => ZodURL,
  ZodUUID: () => ZodUUID,
  ZodUndefined: () => ZodUndefined,
  ZodUnion: () => ZodUnion,
  ZodUnknown: () => ZodUnknown,
  ZodVoid: () => ZodVoid,
  ZodXID: () => ZodXID,
  ZodXor: () => ZodXor,
  _ZodString: () => _ZodString,
  _default: () => _default2,
  _function: () => _function,
  any: () => any,
  array: () => array,
  base64: () => base642,
  base64url: () => base64url2,
  bigint: () => bigint2,
  boolean: () => boolean2,
  catch: () => _catch2,
  check: () => check,
  cidrv4: () => cidrv42,
  cidrv6: () => cidrv62,
  codec: () => codec,
  creditCard: () => creditCard2,
  cuid: () => cuid3,
  cuid2: () => cuid22,
  currencyCode: () => currencyCode2,
  custom: () => custom,
  date: () => date2,
  describe: () => describe2,
  discriminatedUnion: () => discriminatedUnion,
  e164: () => e1642,
  email: () => email2,
  emoji: () => emoji2,
  enum: () => _enum2,
  exactOptional: () => exactOptional,
  file: () => file,
  float32: () => float32,
  float64: () => float64,
  function: () => _function,
  guid: () => guid2,
  hash: () => hash,
  hex: () => hex2,
  hostname: () => hostname2,
  httpUrl: () => httpUrl,
  iban: () => iban2,
  instanceof: () => _instanceof,
  int: () => int,
  int32: () => int32,
  int64: () => int64,
  intersection: () => intersection,
  invertCodec: () => invertCodec,
  ipv4: () => ipv42,
  ipv6: () => ipv62,
  json: () => json,
  jwt: () => jwt,
  keyof: () => keyof,
  ksuid: () => ksuid2,
  lazy: () => lazy,
  literal: () => literal,
  looseObject: () => looseObject,
  looseRecord: () => looseRecord,
  mac: () => mac2,
  map: () => map,
  meta: () => meta2,
  nan: () => nan,
  nanoid: () => nanoid2,
  nativeEnum: () => nativeEnum,
  never: () => never,
  nonoptional: () => nonoptional,
  null: () => _null3,
  nullable: () => nullable,
  nullish: () => nullish2,
  number: () => number2,
  object: () => object,
  optional: () => optional,
  partialRecord: () => partialRecord,
  pipe: () => pipe,
  prefault: () => prefault,
  preprocess: () => preprocess,
  promise: () => promise,
  readonly: () => readonly,
  record: () => record,
  refine: () => refine,
  set: () => set,
  strictObject: () => strictObject,
  string: () => string2,
  stringFormat: () => stringFormat,
  stringbool: () => stringbool,
  success: () => success,
  superRefine: () => superRefine,
  symbol: () => symbol,
  templateLiteral: () => templateLiteral,
  transform: () => transform,
  tuple: () => tuple,
  uint32: () => uint32,
  uint64: () => uint64,
  ulid: () => ulid2,
  undefined: () => _undefined3,
  union: () => union,
  unknown: () => unknown,
  url: () => url,
  uuid: () => uuid2,
  uuidv4: () => uuidv4,
  uuidv6: () => uuidv6,
  uuidv7: () => uuidv7,
  void: () => _void2,
  xid: () => xid2,
  xor: () => xor
});

// node_modules/zod/v4/classic/checks.js
var checks_exports2 = {};
__export(checks_exports2, {
  endsWith: () => _endsWith,
  gt: () => _gt,
  gte: () => _gte,
  includes: () => _includes,
  length: () => _length,
  lowercase: () => _lowercase,
  lt: () => _lt,
  lte: () => _lte,
  maxLength: () => _maxLength,
  maxSize: () => _maxSize,
  mime: () => _mime,
  minLength: () => _minLength,
  minSize: () => _minSize,
  multipleOf: () => _multipleOf,
  negative: () => _negative,
  nonnegative: () => _nonnegative,
  nonpositive: () => _nonpositive,
  normalize: () => _normalize,
  overwrite: () => _overwrite,
  positive: () => _positive,
  properties: () => _properties,
  property: () => _property,
  regex: () => _regex,
  size: () => _size,
  slugify: () => _slugify,
  startsWith: () => _startsWith,
  toLowerCase: () => _toLowerCase,
  toUpperCase: () => _toUpperCase,
  trim: () => _trim,
  uppercase: () => _uppercase
});

// node_modules/zod/v4/classic/errors.js
var _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
function _lazyMethod(proto, key, make) {
  Object.defineProperty(proto, key, {
    configurable: true,
    enumerable: false,
    get() {
      const value = make(this);
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
    }
  });
}
var initializer2 = (inst, issues) => {
  $ZodError.init(inst, issues);
  inst.name = "ZodError";
  const proto = Object.getPrototypeOf(inst);
  if (_installedErrorProtos.has(proto))
    return;
  _installedErrorProtos.add(proto);
  _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
  _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
  _lazyMethod(proto, "addIssue", (self) => (issue2) => {
    self.issues.push(issue2);
    self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
  });
  _lazyMethod(proto, "addIssues", (self) => (issues2) => {
    self.issues.push(...issues2);
    self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
  });
  Object.defineProperty(proto, "isEmpty", {
    configurable: true,
    enumerable: false,
    get() {
      return this.issues.length === 0;
    }
  });
};
var ZodError = /* @__PURE__ */ $constructor("ZodError", initializer2);
var ZodRealError = /* @__PURE__ */ $constructor("ZodError", initializer2, void 0, {
  Parent: Error
});

// node_modules/zod/v4/classic/parse.js
var parse2 = /* @__PURE__ */ _parse(ZodRealError);
var parseAsync2 = /* @__PURE__ */ _parseAsync(ZodRealError);
var safeParse2 = /* @__PURE__ */ _safeParse(ZodRealError);
var safeParseAsync2 = /* @__PURE__ */ _safeParseAsync(ZodRealError);
var encode2 = /* @__PURE__ */ _encode(ZodRealError);
var decode2 = /* @__PURE__ */ _decode(ZodRealError);
var encodeAsync2 = /* @__PURE__ */ _encodeAsync(ZodRealError);
var decodeAsync2 = /* @__PURE__ */ _decodeAsync(ZodRealError);
var safeEncode2 = /* @__PURE__ */ _safeEncode(ZodRealError);
var safeDecode2 = /* @__PURE__ */ _safeDecode(ZodRealError);
var safeEncodeAsync2 = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
var safeDecodeAsync2 = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

// node_modules/zod/v4/classic/schemas.js
function _ensureDefaultLocale() {
  if (!globalConfig.localeError)
    config(en_default());
}
function _ensureDefaultMemoizer() {
  if (!globalConfig.memoizer)
    config({ memoizer: memoizer() });
}
var ZodType = /* @__PURE__ */ $constructor("ZodType", (inst, def) => {
  _ensureDefaultLocale();
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
  return inst;
}, {
  check(...chks) {
    const def = this.def;
    return this.clone(util_exports.mergeDefs(def, {
      checks: [
        ...def.checks ?? [],
        ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }), { parent: true });
  },
  with(...chks) {
    return this.check(...chks);
  },
  clone(def, params) {
    return clone(this, def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta3) {
    reg.add(this, meta3);
    return this;
  },
  refine(check3, params) {
    return this.check(refine(check3, params));
  },
  superRefine(refinement, params) {
    return this.check(superRefine(refinement, params));
  },
  overwrite(fn) {
    return this.check(_overwrite(fn));
  },
  optional() {
    return optional(this);
  },
  exactOptional() {
    return exactOptional(this);
  },
  nullable() {
    return nullable(this);
  },
  nullish() {
    return optional(nullable(this));
  },
  nonoptional(params) {
    return nonoptional(this, params);
  },
  array() {
    return array(this);
  },
  or(arg) {
    return union([this, arg]);
  },
  and(arg) {
    return intersection(this, arg);
  },
  transform(tx) {
    return pipe(this, transform(tx));
  },
  default(d) {
    return _default2(this, d);
  },
  prefault(d) {
    return prefault(this, d);
  },
  catch(params) {
    return _catch2(this, params);
  },
  pipe(target) {
    return pipe(this, target);
  },
  readonly() {
    return readonly(this);
  },
  describe(description) {
    const cl = this.clone();
    globalRegistry.add(cl, { description });
    return cl;
  },
  meta(...args) {
    if (args.length === 0)
      return globalRegistry.get(this);
    const cl = this.clone();
    globalRegistry.add(cl, args[0]);
    return cl;
  },
  isOptional() {
    return this.safeParse(void 0).success;
  },
  isNullable() {
    return this.safeParse(null).success;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  },
  // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
  get "~standard"() {
    return util_exports.hide(this, "~standard", {
      ...standardProps(this),
      jsonSchema: {
        input: createStandardJSONSchemaMethod(this, "input"),
        output: createStandardJSONSchemaMethod(this, "output")
      }
    });
  },
  set "~standard"(value) {
    util_exports.own(this, "~standard", value);
  },
  parse: function _parse2(data, params) {
    return parse2(this, data, params, { callee: _parse2 });
  },
  parseAsync: async function _parseAsync2(data, params) {
    return await parseAsync2(this, data, params, { callee: _parseAsync2 });
  },
  safeParse(data, params) {
    return safeParse2(this, data, params);
  },
  async safeParseAsync(data, params) {
    return safeParseAsync2(this, data, params);
  },
  // `spa` is an alias: same function object as `safeParseAsync`, as before.
  get spa() {
    return this?.safeParseAsync;
  },
  set spa(value) {
    util_exports.own(this, "spa", value);
  },
  validate(data, params) {
    return validate(this, data, params);
  },
  validateAsync(data, params) {
    return validateAsync(this, data, params);
  },
  encode: function _encode2(data, params) {
    return encode2(this, data, params, { callee: _encode2 });
  },
  decode: function _decode2(data, params) {
    return decode2(this, data, params, { callee: _decode2 });
  },
  encodeAsync: async function _encodeAsync2(data, params) {
    return await encodeAsync2(this, data, params, { callee: _encodeAsync2 });
  },
  decodeAsync: async function _decodeAsync2(data, params) {
    return await decodeAsync2(this, data, params, { callee: _decodeAsync2 });
  },
  safeEncode(data, params) {
    return safeEncode2(this, data, params);
  },
  safeDecode(data, params) {
    return safeDecode2(this, data, params);
  },
  async safeEncodeAsync(data, params) {
    return safeEncodeAsync2(this, data, params);
  },
  async safeDecodeAsync(data, params) {
    return safeDecodeAsync2(this, data, params);
  },
  toJSONSchema(params) {
    return createToJSONSchemaMethod(this, {})(params);
  },
  // Reads through to the registry on every access, so it must not cache.
  get description() {
    return globalRegistry.get(this)?.description;
  },
  // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
  get _def() {
    return this._zod.def;
  }
});
var _ZodString = /* @__PURE__ */ $constructor(
  "_ZodString",
  (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json2, params) => stringProcessor(inst, ctx, json2, params);
  },
  /* @__PURE__ */ util_exports.derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null
  }, {
    regex(...args) {
      return this.check(_regex(...args));
    },
    includes(...args) {
      return this.check(_includes(...args));
    },
    startsWith(...args) {
      return this.check(_startsWith(...args));
    },
    endsWith(...args) {
      return this.check(_endsWith(...args));
    },
    min(...args) {
      return this.check(_minLength(...args));
    },
    max(...args) {
      return this.check(_maxLength(...args));
    },
    length(...args) {
      return this.check(_length(...args));
    },
    nonempty(...args) {
      return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
      return this.check(_lowercase(params));
    },
    uppercase(params) {
      return this.check(_uppercase(params));
    },
    trim() {
      return this.check(_trim());
    },
    normalize(...args) {
      return this.check(_normalize(...args));
    },
    toLowerCase() {
      return this.check(_toLowerCase());
    },
    toUpperCase() {
      return this.check(_toUpperCase());
    },
    slugify() {
      return this.check(_slugify());
    }
  })
);
var ZodString = /* @__PURE__ */ $constructor("ZodString", (inst, def) => {
  $ZodString.init(inst, def);
  _ZodString.init(inst, def);
}, {
  email(params) {
    return this.check(_email(ZodEmail, params));
  },
  url(params) {
    return this.check(_url(ZodURL, params));
  },
  jwt(params) {
    return this.check(_jwt(ZodJWT, params));
  },
  emoji(params) {
    return this.check(_emoji2(ZodEmoji, params));
  },
  guid(params) {
    return this.check(_guid(ZodGUID, params));
  },
  uuid(params) {
    return this.check(_uuid(ZodUUID, params));
  },
  uuidv4(params) {
    return this.check(_uuidv4(ZodUUID, params));
  },
  uuidv6(params) {
    return this.check(_uuidv6(ZodUUID, params));
  },
  uuidv7(params) {
    return this.check(_uuidv7(ZodUUID, params));
  },
  nanoid(params) {
    return this.check(_nanoid(ZodNanoID, params));
  },
  cuid(params) {
    return this.check(_cuid(ZodCUID, params));
  },
  cuid2(params) {
    return this.check(_cuid2(ZodCUID2, params));
  },
  ulid(params) {
    return this.check(_ulid(ZodULID, params));
  },
  base64(params) {
    return this.check(_base64(ZodBase64, params));
  },
  base64url(params) {
    return this.check(_base64url(ZodBase64URL, params));
  },
  xid(params) {
    return this.check(_xid(ZodXID, params));
  },
  ksuid(params) {
    return this.check(_ksuid(ZodKSUID, params));
  },
  ipv4(params) {
    return this.check(_ipv4(ZodIPv4, params));
  },
  ipv6(params) {
    return this.check(_ipv6(ZodIPv6, params));
  },
  cidrv4(params) {
    return this.check(_cidrv4(ZodCIDRv4, params));
  },
  cidrv6(params) {
    return this.check(_cidrv6(ZodCIDRv6, params));
  },
  e164(params) {
    return this.check(_e164(ZodE164, params));
  },
  datetime(params) {
    return this.check(_isoDateTime(ZodISODateTime, params));
  },
  date(params) {
    return this.check(_isoDate(ZodISODate, params));
  },
  time(params) {
    return this.check(_isoTime(ZodISOTime, params));
  },
  duration(params) {
    return this.check(_isoDuration(ZodISODuration, params));
  }
});
function string2(params) {
  return _string(ZodString, params);
}
var ZodStringFormat = /* @__PURE__ */ $constructor("ZodStringFormat", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  _ZodString.init(inst, def);
});
var ZodISODateTime = /* @__PURE__ */ $constructor("ZodISODateTime", (inst, def) => {
  $ZodISODateTime.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISODate = /* @__PURE__ */ $constructor("ZodISODate", (inst, def) => {
  $ZodISODate.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISOTime = /* @__PURE__ */ $constructor("ZodISOTime", (inst, def) => {
  $ZodISOTime.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISODuration = /* @__PURE__ */ $constructor("ZodISODuration", (inst, def) => {
  $ZodISODuration.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodEmail = /* @__PURE__ */ $constructor("ZodEmail", (inst, def) => {
  $ZodEmail.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function email2(params) {
  return _email(ZodEmail, params);
}
var ZodGUID = /* @__PURE__ */ $constructor("ZodGUID", (inst, def) => {
  $ZodGUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function guid2(params) {
  return _guid(ZodGUID, params);
}
var ZodUUID = /* @__PURE__ */ $constructor("ZodUUID", (inst, def) => {
  $ZodUUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function uuid2(params) {
  return _uuid(ZodUUID, params);
}
function uuidv4(params) {
  return _uuidv4(ZodUUID, params);
}
function uuidv6(params) {
  return _uuidv6(ZodUUID, params);
}
function uuidv7(params) {
  return _uuidv7(ZodUUID, params);
}
var ZodURL = /* @__PURE__ */ $constructor("ZodURL", (inst, def) => {
  $ZodURL.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function url(params) {
  return _url(ZodURL, params);
}
function httpUrl(params) {
  return _url(ZodURL, {
    protocol: httpProtocol,
    hostname: domain,
    ...util_exports.normalizeParams(params)
  });
}
var ZodEmoji = /* @__PURE__ */ $constructor("ZodEmoji", (inst, def) => {
  $ZodEmoji.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function emoji2(params) {
  return _emoji2(ZodEmoji, params);
}
var ZodNanoID = /* @__PURE__ */ $constructor("ZodNanoID", (inst, def) => {
  $ZodNanoID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function nanoid2(params) {
  return _nanoid(ZodNanoID, params);
}
var ZodCUID = /* @__PURE__ */ $constructor("ZodCUID", (inst, def) => {
  $ZodCUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function cuid3(params) {
  return _cuid(ZodCUID, params);
}
var ZodCUID2 = /* @__PURE__ */ $constructor("ZodCUID2", (inst, def) => {
  $ZodCUID2.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function cuid22(params) {
  return _cuid2(ZodCUID2, params);
}
var ZodULID = /* @__PURE__ */ $constructor("ZodULID", (inst, def) => {
  $ZodULID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function ulid2(params) {
  return _ulid(ZodULID, params);
}
var ZodXID = /* @__PURE__ */ $constructor("ZodXID", (inst, def) => {
  $ZodXID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function xid2(params) {
  return _xid(ZodXID, params);
}
var ZodKSUID = /* @__PURE__ */ $constructor("ZodKSUID", (inst, def) => {
  $ZodKSUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function ksuid2(params) {
  return _ksuid(ZodKSUID, params);
}
var ZodIPv4 = /* @__PURE__ */ $constructor("ZodIPv4", (inst, def) => {
  $ZodIPv4.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function ipv42(params) {
  return _ipv4(ZodIPv4, params);
}
var ZodMAC = /* @__PURE__ */ $constructor("ZodMAC", (inst, def) => {
  $ZodMAC.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function mac2(params) {
  return _mac(ZodMAC, params);
}
var ZodIPv6 = /* @__PURE__ */ $constructor("ZodIPv6", (inst, def) => {
  $ZodIPv6.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function ipv62(params) {
  return _ipv6(ZodIPv6, params);
}
var ZodCIDRv4 = /* @__PURE__ */ $constructor("ZodCIDRv4", (inst, def) => {
  $ZodCIDRv4.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function cidrv42(params) {
  return _cidrv4(ZodCIDRv4, params);
}
var ZodCIDRv6 = /* @__PURE__ */ $constructor("ZodCIDRv6", (inst, def) => {
  $ZodCIDRv6.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function cidrv62(params) {
  return _cidrv6(ZodCIDRv6, params);
}
var ZodBase64 = /* @__PURE__ */ $constructor("ZodBase64", (inst, def) => {
  $ZodBase64.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function base642(params) {
  return _base64(ZodBase64, params);
}
var ZodBase64URL = /* @__PURE__ */ $constructor("ZodBase64URL", (inst, def) => {
  $ZodBase64URL.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function base64url2(params) {
  return _base64url(ZodBase64URL, params);
}
var ZodE164 = /* @__PURE__ */ $constructor("ZodE164", (inst, def) => {
  $ZodE164.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function e1642(params) {
  return _e164(ZodE164, params);
}
var ZodCreditCard = /* @__PURE__ */ $constructor("ZodCreditCard", (inst, def) => {
  $ZodCreditCard.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function creditCard2(params) {
  return _creditCard(ZodCreditCard, params);
}
var ZodIBAN = /* @__PURE__ */ $constructor("ZodIBAN", (inst, def) => {
  $ZodIBAN.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function iban2(params) {
  return _iban(ZodIBAN, params);
}
var ZodJWT = /* @__PURE__ */ $constructor("ZodJWT", (inst, def) => {
  $ZodJWT.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function jwt(params) {
  return _jwt(ZodJWT, params);
}
var ZodCustomStringFormat = /* @__PURE__ */ $constructor("ZodCustomStringFormat", (inst, def) => {
  $ZodCustomStringFormat.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function stringFormat(format, fnOrRegex, _params = {}) {
  return _stringFormat(ZodCustomStringFormat, format, fnOrRegex, _params);
}
function hostname2(_params) {
  return _stringFormat(ZodCustomStringFormat, "hostname", hostname, _params);
}
function hex2(_params) {
  return _stringFormat(ZodCustomStringFormat, "hex", hex, _params);
}
function currencyCode2(_params) {
  return _stringFormat(ZodCustomStringFormat, "currency_code", currencyCode, _params);
}
function hash(alg, params) {
  const enc = params?.enc ?? "hex";
  const format = `${alg}_${enc}`;
  const regex = regexes_exports[format];
  if (!regex)
    throw new Error(`Unrecognized hash format: ${format}`);
  return _stringFormat(ZodCustomStringFormat, format, regex, params);
}
var ZodNumber = /* @__PURE__ */ $constructor(
  "ZodNumber",
  (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json2, params) => numberProcessor(inst, ctx, json2, params);
    inst.isFinite = true;
  },
  /* @__PURE__ */ util_exports.derived({
    minValue: (inst) => {
      const { minimum, exclusiveMinimum } = aggregateChecks(inst);
      return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
      const { maximum, exclusiveMaximum } = aggregateChecks(inst);
      return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
      const { isInt, multipleOf } = aggregateChecks(inst);
      return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null
  }, {
    gt(value, params) {
      return this.check(_gt(value, params));
    },
    gte(value, params) {
      return this.check(_gte(value, params));
    },
    min(value, params) {
      return this.check(_gte(value, params));
    },
    lt(value, params) {
      return this.check(_lt(value, params));
    },
    lte(value, params) {
      return this.check(_lte(value, params));
    },
    max(value, params) {
      return this.check(_lte(value, params));
    },
    int(params) {
      return this.check(int(params));
    },
    safe(params) {
      return this.check(int(params));
    },
    positive(params) {
      return this.check(_gt(0, params));
    },
    nonnegative(params) {
      return this.check(_gte(0, params));
    },
    negative(params) {
      return this.check(_lt(0, params));
    },
    nonpositive(params) {
      return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
      return this.check(_multipleOf(value, params));
    },
    step(value, params) {
      return this.check(_multipleOf(value, params));
    },
    finite() {
      return this;
    }
  })
);
function number2(params) {
  return _number(ZodNumber, params);
}
var ZodNumberFormat = /* @__PURE__ */ $constructor("ZodNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodNumber.init(inst, def);
});
function int(params) {
  return _int(ZodNumberFormat, params);
}
function float32(params) {
  return _float32(ZodNumberFormat, params);
}
function float64(params) {
  return _float64(ZodNumberFormat, params);
}
function int32(params) {
  return _int32(ZodNumberFormat, params);
}
function uint32(params) {
  return _uint32(ZodNumberFormat, params);
}
var ZodBoolean = /* @__PURE__ */ $constructor("ZodBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => booleanProcessor(inst, ctx, json2, params);
});
function boolean2(params) {
  return _boolean(ZodBoolean, params);
}
var ZodBigInt = /* @__PURE__ */ $constructor(
  "ZodBigInt",
  (inst, def) => {
    $ZodBigInt.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json2, params) => bigintProcessor(inst, ctx, json2, params);
  },
  /* @__PURE__ */ util_exports.derived({
    minValue: (inst) => aggregateChecks(inst).minimum ?? null,
    maxValue: (inst) => aggregateChecks(inst).maximum ?? null,
    format: (inst) => aggregateChecks(inst).format ?? null
  }, {
    gte(value, params) {
      return this.check(_gte(value, params));
    },
    min(value, params) {
      return this.check(_gte(value, params));
    },
    gt(value, params) {
      return this.check(_gt(value, params));
    },
    lt(value, params) {
      return this.check(_lt(value, params));
    },
    lte(value, params) {
      return this.check(_lte(value, params));
    },
    max(value, params) {
      return this.check(_lte(value, params));
    },
    positive(params) {
      return this.check(_gt(BigInt(0), params));
    },
    negative(params) {
      return this.check(_lt(BigInt(0), params));
    },
    nonpositive(params) {
      return this.check(_lte(BigInt(0), params));
    },
    nonnegative(params) {
      return this.check(_gte(BigInt(0), params));
    },
    multipleOf(value, params) {
      return this.check(_multipleOf(value, params));
    }
  })
);
function bigint2(params) {
  return _bigint(ZodBigInt, params);
}
var ZodBigIntFormat = /* @__PURE__ */ $constructor("ZodBigIntFormat", (inst, def) => {
  $ZodBigIntFormat.init(inst, def);
  ZodBigInt.init(inst, def);
});
function int64(params) {
  return _int64(ZodBigIntFormat, params);
}
function uint64(params) {
  return _uint64(ZodBigIntFormat, params);
}
var ZodSymbol = /* @__PURE__ */ $constructor("ZodSymbol", (inst, def) => {
  $ZodSymbol.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => symbolProcessor(inst, ctx, json2, params);
});
function symbol(params) {
  return _symbol(ZodSymbol, params);
}
var ZodUndefined = /* @__PURE__ */ $constructor("ZodUndefined", (inst, def) => {
  $ZodUndefined.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => undefinedProcessor(inst, ctx, json2, params);
});
function _undefined3(params) {
  return _undefined2(ZodUndefined, params);
}
var ZodNull = /* @__PURE__ */ $constructor("ZodNull", (inst, def) => {
  $ZodNull.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => nullProcessor(inst, ctx, json2, params);
});
function _null3(params) {
  return _null2(ZodNull, params);
}
var ZodAny = /* @__PURE__ */ $constructor("ZodAny", (inst, def) => {
  $ZodAny.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => anyProcessor(inst, ctx, json2, params);
});
function any() {
  return _any(ZodAny);
}
var ZodUnknown = /* @__PURE__ */ $constructor("ZodUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => unknownProcessor(inst, ctx, json2, params);
});
function unknown() {
  return _unknown(ZodUnknown);
}
var ZodNever = /* @__PURE__ */ $constructor("ZodNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => neverProcessor(inst, ctx, json2, params);
});
function never(params) {
  return _never(ZodNever, params);
}
var ZodVoid = /* @__PURE__ */ $constructor("ZodVoid", (inst, def) => {
  $ZodVoid.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => voidProcessor(inst, ctx, json2, params);
});
function _void2(params) {
  return _void(ZodVoid, params);
}
var ZodDate = /* @__PURE__ */ $constructor(
  "ZodDate",
  (inst, def) => {
    $ZodDate.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json2, params) => dateProcessor(inst, ctx, json2, params);
    inst.min = (value, params) => inst.check(_gte(value, params));
    inst.max = (value, params) => inst.check(_lte(value, params));
  },
  /* @__PURE__ */ util_exports.derived({
    minDate: (inst) => {
      const { minimum } = aggregateChecks(inst);
      return minimum ? new Date(minimum) : null;
    },
    maxDate: (inst) => {
      const { maximum } = aggregateChecks(inst);
      return maximum ? new Date(maximum) : null;
    }
  }, {})
);
function date2(params) {
  return _date(ZodDate, params);
}
var ZodArray = /* @__PURE__ */ $constructor("ZodArray", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodArray.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => arrayProcessor(inst, ctx, json2, params);
  inst.element = def.element;
}, {
  min(n, params) {
    return this.check(_minLength(n, params));
  },
  nonempty(params) {
    return this.check(_minLength(1, params));
  },
  max(n, params) {
    return this.check(_maxLength(n, params));
  },
  length(n, params) {
    return this.check(_length(n, params));
  },
  unwrap() {
    return this.element;
  }
});
function array(element, params) {
  return _array(ZodArray, element, params);
}
function keyof(schema) {
  const shape = schema._zod.def.shape;
  return _enum2(Object.keys(shape));
}
var ZodObject = /* @__PURE__ */ $constructor("ZodObject", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodObjectJIT.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => objectProcessor(inst, ctx, json2, params);
  util_exports.installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
  keyof() {
    return _enum2(Object.keys(this._zod.def.shape));
  },
  catchall(catchall) {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall }));
  },
  passthrough() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
  },
  loose() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
  },
  strict() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: never() }));
  },
  strip() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: void 0 }));
  },
  extend(incoming) {
    return util_exports.extend(this, incoming);
  },
  safeExtend(incoming) {
    return util_exports.safeExtend(this, incoming);
  },
  merge(other) {
    return util_exports.merge(this, other);
  },
  pick(mask) {
    return util_exports.pick(this, mask);
  },
  omit(mask) {
    return util_exports.omit(this, mask);
  },
  partial(...args) {
    return util_exports.partial(ZodOptional, this, args[0]);
  },
  exactPartial(...args) {
    return util_exports.partial(ZodExactOptional, this, args[0], "exactPartial");
  },
  required(...args) {
    return util_exports.required(ZodNonOptional, this, args[0]);
  }
});
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...util_exports.normalizeParams(params)
  };
  return new ZodObject(def);
}
function strictObject(shape, params) {
  return new ZodObject({
    type: "object",
    shape,
    catchall: never(),
    ...util_exports.normalizeParams(params)
  });
}
function looseObject(shape, params) {
  return new ZodObject({
    type: "object",
    shape,
    catchall: unknown(),
    ...util_exports.normalizeParams(params)
  });
}
var ZodUnion = /* @__PURE__ */ $constructor("ZodUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => unionProcessor(inst, ctx, json2, params);
  inst.options = def.options;
});
function union(options, params) {
  return new ZodUnion({
    type: "union",
    options,
    ...util_exports.normalizeParams(params)
  });
}
var ZodXor = /* @__PURE__ */ $constructor("ZodXor", (inst, def) => {
  ZodUnion.init(inst, def);
  $ZodXor.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => unionProcessor(inst, ctx, json2, params);
  inst.options = def.options;
});
function xor(options, params) {
  return new ZodXor({
    type: "union",
    options,
    inclusive: false,
    ...util_exports.normalizeParams(params)
  });
}
var ZodDiscriminatedUnion = /* @__PURE__ */ $constructor("ZodDiscriminatedUnion", (inst, def) => {
  ZodUnion.init(inst, def);
  $ZodDiscriminatedUnion.init(inst, def);
});
function discriminatedUnion(discriminator, options, params) {
  return new ZodDiscriminatedUnion({
    type: "union",
    options,
    discriminator,
    ...util_exports.normalizeParams(params)
  });
}
var ZodIntersection = /* @__PURE__ */ $constructor("ZodIntersection", (inst, def) => {
  $ZodIntersection.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => intersectionProcessor(inst, ctx, json2, params);
});
function intersection(left, right) {
  return new ZodIntersection({
    type: "intersection",
    left,
    right
  });
}
var ZodTuple = /* @__PURE__ */ $constructor("ZodTuple", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodTuple.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => tupleProcessor(inst, ctx, json2, params);
}, {
  rest(rest) {
    return this.clone({
      ...this._zod.def,
      rest
    });
  },
  partial() {
    const def = this._zod.def;
    if (def.checks?.length)
      throw new Error(".partial() cannot be used on tuple schemas containing refinements");
    return this.clone({
      ...def,
      items: def.items.map((item) => new ZodOptional({ type: "optional", innerType: item }))
    });
  }
});
function tuple(items, _paramsOrRest, _params) {
  const hasRest = _paramsOrRest instanceof $ZodType;
  const params = hasRest ? _params : _paramsOrRest;
  const rest = hasRest ? _paramsOrRest : null;
  return new ZodTuple({
    type: "tuple",
    items,
    rest,
    ...util_exports.normalizeParams(params)
  });
}
var ZodRecord = /* @__PURE__ */ $constructor("ZodRecord", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodRecord.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => recordProcessor(inst, ctx, json2, params);
  inst.keyType = def.keyType;
  inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodRecord({
      type: "record",
      keyType: string2(),
      valueType: keyType,
      ...util_exports.normalizeParams(valueType)
    });
  }
  return new ZodRecord({
    type: "record",
    keyType,
    valueType,
    ...util_exports.normalizeParams(params)
  });
}
function partialRecord(keyType, valueType, params) {
  return new ZodRecord({
    type: "record",
    keyType,
    valueType,
    ...util_exports.normalizeParams(params),
    partial: true
  });
}
function looseRecord(keyType, valueType, params) {
  return new ZodRecord({
    type: "record",
    keyType,
    valueType,
    mode: "loose",
    ...util_exports.normalizeParams(params)
  });
}
var ZodMap = /* @__PURE__ */ $constructor("ZodMap", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodMap.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => mapProcessor(inst, ctx, json2, params);
  inst.keyType = def.keyType;
  inst.valueType = def.valueType;
  inst.min = (...args) => inst.check(_minSize(...args));
  inst.nonempty = (params) => inst.check(_minSize(1, params));
  inst.max = (...args) => inst.check(_maxSize(...args));
  inst.size = (...args) => inst.check(_size(...args));
});
function map(keyType, valueType, params) {
  return new ZodMap({
    type: "map",
    keyType,
    valueType,
    ...util_exports.normalizeParams(params)
  });
}
var ZodSet = /* @__PURE__ */ $constructor("ZodSet", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodSet.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => setProcessor(inst, ctx, json2, params);
  inst.min = (...args) => inst.check(_minSize(...args));
  inst.nonempty = (params) => inst.check(_minSize(1, params));
  inst.max = (...args) => inst.check(_maxSize(...args));
  inst.size = (...args) => inst.check(_size(...args));
});
function set(valueType, params) {
  return new ZodSet({
    type: "set",
    valueType,
    ...util_exports.normalizeParams(params)
  });
}
var ZodEnum = /* @__PURE__ */ $constructor("ZodEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => enumProcessor(inst, ctx, json2, params);
  inst.enum = def.entries;
  inst.options = [...inst._zod.values];
  const keys = new Set(Object.keys(def.entries));
  inst.extract = (values, params) => {
    const newEntries = {};
    for (const value of values) {
      if (keys.has(value)) {
        newEntries[value] = def.entries[value];
      } else
        throw new Error(`Key ${value} not found in enum`);
    }
    return new ZodEnum({
      ...def,
      checks: [],
      ...util_exports.normalizeParams(params),
      entries: newEntries
    });
  };
  inst.exclude = (values, params) => {
    const newEntries = { ...def.entries };
    for (const value of values) {
      if (keys.has(value)) {
        delete newEntries[value];
      } else
        throw new Error(`Key ${value} not found in enum`);
    }
    return new ZodEnum({
      ...def,
      checks: [],
      ...util_exports.normalizeParams(params),
      entries: newEntries
    });
  };
});
function _enum2(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodEnum({
    type: "enum",
    entries,
    ...util_exports.normalizeParams(params)
  });
}
function nativeEnum(entries, params) {
  return new ZodEnum({
    type: "enum",
    entries,
    ...util_exports.normalizeParams(params)
  });
}
var ZodLiteral = /* @__PURE__ */ $constructor("ZodLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => literalProcessor(inst, ctx, json2, params);
  inst.values = new Set(def.values);
  Object.defineProperty(inst, "value", {
    get() {
      if (def.values.length > 1) {
        throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
      }
      return def.values[0];
    }
  });
});
function literal(value, params) {
  return new ZodLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...util_exports.normalizeParams(params)
  });
}
var ZodFile = /* @__PURE__ */ $constructor("ZodFile", (inst, def) => {
  $ZodFile.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => fileProcessor(inst, ctx, json2, params);
  inst.min = (size, params) => inst.check(_minSize(size, params));
  inst.max = (size, params) => inst.check(_maxSize(size, params));
  inst.mime = (types, params) => inst.check(_mime(Array.isArray(types) ? types : [types], params));
});
function file(params) {
  return _file(ZodFile, params);
}
var ZodTransform = /* @__PURE__ */ $constructor("ZodTransform", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodTransform.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => transformProcessor(inst, ctx, json2, params);
  inst._zod.parse = (payload, _ctx) => {
    if (_ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    payload.addIssue = (issue2) => {
      if (typeof issue2 === "string") {
        payload.issues.push(util_exports.issue(issue2, payload.value, def));
      } else {
        const _issue = issue2;
        if (_issue.fatal)
          _issue.continue = false;
        _issue.code ?? (_issue.code = "custom");
        if (!("input" in _issue))
          _issue.input = payload.value;
        _issue.inst ?? (_issue.inst = inst);
        payload.issues.push(util_exports.issue(_issue));
      }
    };
    const output2 = def.transform(payload.value, payload);
    if (output2 instanceof Promise) {
      return output2.then((output3) => {
        payload.value = output3;
        return payload;
      });
    }
    payload.value = output2;
    return payload;
  };
});
function transform(fn) {
  return new ZodTransform({
    type: "transform",
    transform: fn
  });
}
var ZodOptional = /* @__PURE__ */ $constructor("ZodOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => optionalProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
  return new ZodOptional({
    type: "optional",
    innerType
  });
}
var ZodExactOptional = /* @__PURE__ */ $constructor("ZodExactOptional", (inst, def) => {
  $ZodExactOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => optionalProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
  return new ZodExactOptional({
    type: "optional",
    innerType
  });
}
var ZodNullable = /* @__PURE__ */ $constructor("ZodNullable", (inst, def) => {
  $ZodNullable.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => nullableProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
  return new ZodNullable({
    type: "nullable",
    innerType
  });
}
function nullish2(innerType) {
  return optional(nullable(innerType));
}
var ZodDefault = /* @__PURE__ */ $constructor("ZodDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => defaultProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
  inst.removeDefault = inst.unwrap;
});
function _default2(innerType, defaultValue) {
  return new ZodDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
var ZodPrefault = /* @__PURE__ */ $constructor("ZodPrefault", (inst, def) => {
  $ZodPrefault.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => prefaultProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
  return new ZodPrefault({
    type: "prefault",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
var ZodNonOptional = /* @__PURE__ */ $constructor("ZodNonOptional", (inst, def) => {
  $ZodNonOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => nonoptionalProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
  return new ZodNonOptional({
    type: "nonoptional",
    innerType,
    ...util_exports.normalizeParams(params)
  });
}
var ZodSuccess = /* @__PURE__ */ $constructor("ZodSuccess", (inst, def) => {
  $ZodSuccess.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => successProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function success(innerType) {
  return new ZodSuccess({
    type: "success",
    innerType
  });
}
var ZodCatch = /* @__PURE__ */ $constructor("ZodCatch", (inst, def) => {
  $ZodCatch.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => catchProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
  inst.removeCatch = inst.unwrap;
});
function _catch2(innerType, catchValue) {
  return new ZodCatch({
    type: "catch",
    innerType,
    catchValue: typeof catchValue === "function" ? catchValue : util_exports.constantCatch(catchValue)
  });
}
var ZodNaN = /* @__PURE__ */ $constructor("ZodNaN", (inst, def) => {
  $ZodNaN.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => nanProcessor(inst, ctx, json2, params);
});
function nan(params) {
  return _nan(ZodNaN, params);
}
var ZodPipe = /* @__PURE__ */ $constructor("ZodPipe", (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => pipeProcessor(inst, ctx, json2, params);
  inst.in = def.in;
  inst.out = def.out;
});
function pipe(in_, out) {
  return new ZodPipe({
    type: "pipe",
    in: in_,
    out
    // ...util.normalizeParams(params),
  });
}
var ZodCodec = /* @__PURE__ */ $constructor("ZodCodec", (inst, def) => {
  ZodPipe.init(inst, def);
  $ZodCodec.init(inst, def);
});
function codec(in_, out, params) {
  return new ZodCodec({
    type: "pipe",
    in: in_,
    out,
    transform: params.decode,
    reverseTransform: params.encode
  });
}
function invertCodec(codec2) {
  const def = codec2._zod.def;
  return new ZodCodec({
    type: "pipe",
    in: def.out,
    out: def.in,
    transform: def.reverseTransform,
    reverseTransform: def.transform
  });
}
var ZodPreprocess = /* @__PURE__ */ $constructor("ZodPreprocess", (inst, def) => {
  ZodPipe.init(inst, def);
  $ZodPreprocess.init(inst, def);
});
var ZodReadonly = /* @__PURE__ */ $constructor("ZodReadonly", (inst, def) => {
  $ZodReadonly.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => readonlyProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
  return new ZodReadonly({
    type: "readonly",
    innerType
  });
}
var ZodTemplateLiteral = /* @__PURE__ */ $constructor("ZodTemplateLiteral", (inst, def) => {
  $ZodTemplateLiteral.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => templateLiteralProcessor(inst, ctx, json2, params);
});
function templateLiteral(parts, params) {
  return new ZodTemplateLiteral({
    type: "template_literal",
    parts,
    ...util_exports.normalizeParams(params)
  });
}
var ZodLazy = /* @__PURE__ */ $constructor("ZodLazy", (inst, def) => {
  $ZodLazy.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => lazyProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.getter();
});
function lazy(getter) {
  return new ZodLazy({
    type: "lazy",
    getter
  });
}
var ZodPromise = /* @__PURE__ */ $constructor("ZodPromise", (inst, def) => {
  $ZodPromise.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => promiseProcessor(inst, ctx, json2, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function promise(innerType) {
  return new ZodPromise({
    type: "promise",
    innerType
  });
}
var ZodFunction = /* @__PURE__ */ $constructor("ZodFunction", (inst, def) => {
  $ZodFunction.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => functionProcessor(inst, ctx, json2, params);
});
function _function(params) {
  return new ZodFunction({
    type: "function",
    input: Array.isArray(params?.input) ? tuple(params?.input) : params?.input ?? array(unknown()),
    output: params?.output ?? unknown()
  });
}
var ZodCustom = /* @__PURE__ */ $constructor("ZodCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json2, params) => customProcessor(inst, ctx, json2, params);
});
function check(fn) {
  const ch = new $ZodCheck({
    check: "custom"
    // ...util.normalizeParams(params),
  });
  ch._zod.check = fn;
  return ch;
}
function custom(fn, _params) {
  return _custom(ZodCustom, fn ?? (() => true), _params);
}
function refine(fn, _params = {}) {
  return _refine(ZodCustom, fn, _params);
}
function superRefine(fn, params) {
  return _superRefine(fn, params);
}
var describe2 = describe;
var meta2 = meta;
var ZodInstanceOf = /* @__PURE__ */ $constructor("ZodInstanceOf", (inst, def) => {
  ZodCustom.init(inst, def);
}, {
  properties(shape, params) {
    return this.check(_properties(shape, params));
  }
});
function _instanceof(cls, params = {}) {
  const inst = new ZodInstanceOf({
    type: "custom",
    check: "custom",
    fn: (data) => data instanceof cls,
    abort: true,
    ...util_exports.normalizeParams(params)
  });
  inst._zod.bag.Class = cls;
  inst._zod.check = (payload) => {
    if (!(payload.value instanceof cls)) {
      payload.issues.push({
        code: "invalid_type",
        expected: cls.name,
        input: payload.value,
        inst,
        path: [...inst._zod.def.path ?? []]
      });
    }
  };
  return inst;
}
var stringbool = (...args) => _stringbool({
  Codec: ZodCodec,
  Boolean: ZodBoolean,
  String: ZodString
}, ...args);
function json(params) {
  const jsonSchema = lazy(() => {
    return union([string2(params), number2(), boolean2(), _null3(), array(jsonSchema), record(string2(), jsonSchema)]);
  });
  return jsonSchema;
}
function preprocess(fn, schema) {
  return new ZodPreprocess({
    type: "pipe",
    in: transform(fn),
    out: schema
  });
}

// node_modules/zod/v4/classic/compat.js
var ZodIssueCode = {
  invalid_type: "invalid_type",
  too_big: "too_big",
  too_small: "too_small",
  invalid_format: "invalid_format",
  not_multiple_of: "not_multiple_of",
  unrecognized_keys: "unrecognized_keys",
  invalid_union: "invalid_union",
  invalid_key: "invalid_key",
  invalid_element: "invalid_element",
  invalid_value: "invalid_value",
  custom: "custom"
};
function setErrorMap(map2) {
  config({
    customError: map2
  });
}
function getErrorMap() {
  return config().customError;
}
var ZodFirstPartyTypeKind;
/* @__PURE__ */ (function(ZodFirstPartyTypeKind2) {
})(ZodFirstPartyTypeKind || (ZodFirstPartyTypeKind = {}));

// node_modules/zod/v4/classic/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  date: () => date3,
  datetime: () => datetime2,
  duration: () => duration2,
  time: () => time2
});
function datetime2(params) {
  return _isoDateTime(ZodISODateTime, params);
}
function date3(params) {
  return _isoDate(ZodISODate, params);
}
function time2(params) {
  return _isoTime(ZodISOTime, params);
}
function duration2(params) {
  return _isoDuration(ZodISODuration, params);
}

// node_modules/zod/v4/classic/from-json-schema.js
var z = {
  ...schemas_exports2,
  ...checks_exports2,
  iso: iso_exports
};
var RECOGNIZED_KEYS = /* @__PURE__ */ new Set([
  // Schema identification
  "$schema",
  "$ref",
  "$defs",
  "definitions",
  // Core schema keywords
  "$id",
  "id",
  "$comment",
  "$anchor",
  "$vocabulary",
  "$dynamicRef",
  "$dynamicAnchor",
  // Type
  "type",
  "enum",
  "const",
  // Composition
  "anyOf",
  "oneOf",
  "allOf",
  "not",
  // Object
  "properties",
  "required",
  "additionalProperties",
  "patternProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  // Array
  "items",
  "prefixItems",
  "additionalItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minContains",
  "maxContains",
  // String
  "minLength",
  "maxLength",
  "pattern",
  "format",
  // Number
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  // Already handled metadata
  "description",
  "default",
  // Content
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
  // Unsupported (error-throwing)
  "unevaluatedItems",
  "unevaluatedProperties",
  "if",
  "then",
  "else",
  "dependentSchemas",
  "dependentRequired",
  // OpenAPI
  "nullable",
  "readOnly"
]);
function detectVersion(schema, defaultTarget) {
  const $schema = schema.$schema;
  if ($schema === "https://json-schema.org/draft/2020-12/schema") {
    return "draft-2020-12";
  }
  if ($schema === "http://json-schema.org/draft-07/schema#") {
    return "draft-7";
  }
  if ($schema === "http://json-schema.org/draft-04/schema#") {
    return "draft-4";
  }
  return defaultTarget ?? "draft-2020-12";
}
function applyMinItems(items, minItems) {
  return items.map((item, index) => index < minItems ? item : item.optional());
}
function decodeJSONPointerSegment(segment) {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
function resolveRef(ref, ctx) {
  if (!ref.startsWith("#")) {
    throw new Error("External $ref is not supported, only local refs (#/...) are allowed");
  }
  const path = ref.slice(1).split("/").filter(Boolean);
  if (path.length === 0) {
    return ctx.rootSchema;
  }
  const defsKey = ctx.version === "draft-2020-12" ? "$defs" : "definitions";
  if (path[0] === defsKey) {
    const key = path[1] === void 0 ? void 0 : decodeJSONPointerSegment(path[1]);
    if (!key || !ctx.defs[key]) {
      throw new Error(`Reference not found: ${ref}`);
    }
    return ctx.defs[key];
  }
  throw new Error(`Reference not found: ${ref}`);
}
function checkObjectGuards(objectSchema, guards) {
  const guard = z.transform((value) => value).check((payload) => {
    const value = payload.value;
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return;
    const keys = Object.getOwnPropertyNames(value);
    if (guards.minProperties !== void 0 && keys.length < guards.minProperties) {
      payload.issues.push({
        origin: "object",
        code: "too_small",
        minimum: guards.minProperties,
        inclusive: true,
        message: `Too small: expected object to have >=${guards.minProperties} properties`,
        input: value,
        inst: objectSchema,
        continue: true
      });
    }
    if (guards.maxProperties !== void 0 && keys.length > guards.maxProperties) {
      payload.issues.push({
        origin: "object",
        code: "too_big",
        maximum: guards.maxProperties,
        inclusive: true,
        message: `Too big: expected object to have <=${guards.maxProperties} properties`,
        input: value,
        inst: objectSchema,
        continue: true
      });
    }
    if (guards.keySchema) {
      for (const key of keys) {
        const result = guards.keySchema.safeParse(key);
        if (result.success)
          continue;
        payload.issues.push({
          code: "invalid_key",
          origin: "record",
          issues: result.error.issues,
          input: key,
          path: [key],
          continue: true
        });
      }
    }
  });
  return guard.pipe(objectSchema);
}
function canonicalKey(value, seen) {
  if (value === null)
    return "z";
  const type = typeof value;
  if (type !== "object") {
    if (type === "number" && Number.isNaN(value))
      return null;
    const raw = String(value);
    return `${type[0]}${raw.length}:${raw}`;
  }
  if (seen.has(value))
    return null;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const parts2 = [];
      for (const item of value) {
        const key = canonicalKey(item, seen);
        if (key === null)
          return null;
        parts2.push(key);
      }
      return `a${parts2.length}:[${parts2.join(",")}]`;
    }
    const keys = Object.keys(value).sort();
    const parts = [];
    for (const k of keys) {
      const key = canonicalKey(value[k], seen);
      if (key === null)
        return null;
      parts.push(`${k.length}:${k}=${key}`);
    }
    return `o${parts.length}:{${parts.join(",")}}`;
  } finally {
    seen.delete(value);
  }
}
var SCHEMA_KEYWORDS = /* @__PURE__ */ new Set([
  "items",
  "prefixItems",
  "additionalItems",
  "additionalProperties",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "allOf",
  "anyOf",
  "oneOf",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema"
]);
var SCHEMA_MAP_KEYWORDS = /* @__PURE__ */ new Set([
  "properties",
  "patternProperties",
  "dependentSchemas",
  "dependencies",
  "$defs",
  "definitions"
]);
function containsRef(value) {
  if (typeof value !== "object" || value === null)
    return false;
  if (Array.isArray(value))
    return value.some(containsRef);
  if (typeof value.$ref === "string")
    return true;
  return Object.entries(value).some(([key, sub]) => {
    if (SCHEMA_KEYWORDS.has(key))
      return containsRef(sub);
    if (!SCHEMA_MAP_KEYWORDS.has(key) || typeof sub !== "object" || sub === null)
      return false;
    return Object.values(sub).some(containsRef);
  });
}
function plural(n) {
  return n === 1 ? "element" : "elements";
}
function checkArrayGuards(arraySchema, guards) {
  const guard = z.transform((value) => value).check((payload) => {
    const items = payload.value;
    if (!Array.isArray(items))
      return;
    if (guards.uniqueItems === true) {
      const firstSeen = /* @__PURE__ */ new Map();
      for (let i = 0; i < items.length; i++) {
        const key = canonicalKey(items[i], /* @__PURE__ */ new Set());
        if (key === null)
          continue;
        const first = firstSeen.get(key);
        if (first === void 0) {
          firstSeen.set(key, i);
          continue;
        }
        payload.issues.push({
          code: "custom",
          message: `Array items must be unique: element at index ${i} duplicates the one at index ${first}`,
          input: items,
          path: [i],
          continue: true
        });
      }
    }
    if (guards.containsSchema) {
      const minContains = guards.minContains ?? 1;
      const ceiling = guards.maxContains !== void 0 ? guards.maxContains + 1 : Number.POSITIVE_INFINITY;
      let matches = 0;
      for (const item of items) {
        if (guards.containsSchema.safeParse(item).success && ++matches >= ceiling)
          break;
      }
      if (matches < minContains) {
        payload.issues.push({
          code: "custom",
          message: `Array must contain at least ${minContains} matching ${plural(minContains)}; found ${matches}`,
          input: items,
          continue: true
        });
      }
      if (guards.maxContains !== void 0 && matches > guards.maxContains) {
        payload.issues.push({
          code: "custom",
          message: `Array must contain at most ${guards.maxContains} matching ${plural(guards.maxContains)}`,
          input: items,
          continue: true
        });
      }
    }
  });
  return guard.pipe(arraySchema);
}
function getTupleRest(restSchema, ctx) {
  if (restSchema === false) {
    return void 0;
  }
  if (restSchema === void 0 || restSchema === true) {
    return z.any();
  }
  return convertSchema(restSchema, ctx);
}
var fullTime = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
function convertBaseSchema(schema, ctx) {
  if (schema.not !== void 0) {
    if (typeof schema.not === "object" && Object.keys(schema.not).length === 0) {
      return z.never();
    }
    throw new Error("not is not supported in Zod (except { not: {} } for never)");
  }
  if (schema.unevaluatedItems !== void 0) {
    throw new Error("unevaluatedItems is not supported");
  }
  if (schema.unevaluatedProperties !== void 0) {
    throw new Error("unevaluatedProperties is not supported");
  }
  if (schema.if !== void 0 || schema.then !== void 0 || schema.else !== void 0) {
    throw new Error("Conditional schemas (if/then/else) are not supported");
  }
  if (schema.dependentSchemas !== void 0 || schema.dependentRequired !== void 0) {
    throw new Error("dependentSchemas and dependentRequired are not supported");
  }
  if (schema.$ref) {
    const refPath = schema.$ref;
    if (ctx.refs.has(refPath)) {
      return ctx.refs.get(refPath);
    }
    if (ctx.processing.has(refPath)) {
      return z.lazy(() => {
        if (!ctx.refs.has(refPath)) {
          throw new Error(`Circular reference not resolved: ${refPath}`);
        }
        return ctx.refs.get(refPath);
      });
    }
    ctx.processing.add(refPath);
    const resolved = resolveRef(refPath, ctx);
    const zodSchema2 = convertSchema(resolved, ctx);
    ctx.refs.set(refPath, zodSchema2);
    ctx.processing.delete(refPath);
    return zodSchema2;
  }
  if (schema.enum !== void 0) {
    const enumValues = schema.enum;
    if (ctx.version === "openapi-3.0" && schema.nullable === true && enumValues.length === 1 && enumValues[0] === null) {
      return z.null();
    }
    if (enumValues.length === 0) {
      return z.never();
    }
    if (enumValues.length === 1) {
      return z.literal(enumValues[0]);
    }
    if (enumValues.every((v) => typeof v === "string")) {
      return z.enum(enumValues);
    }
    const literalSchemas = enumValues.map((v) => z.literal(v));
    if (literalSchemas.length < 2) {
      return literalSchemas[0];
    }
    return z.union([literalSchemas[0], literalSchemas[1], ...literalSchemas.slice(2)]);
  }
  if (schema.const !== void 0) {
    return z.literal(schema.const);
  }
  const type = schema.type;
  if (Array.isArray(type)) {
    const typeSchemas = type.map((t) => {
      const typeSchema = { ...schema, type: t };
      return convertBaseSchema(typeSchema, ctx);
    });
    if (typeSchemas.length === 0) {
      return z.never();
    }
    if (typeSchemas.length === 1) {
      return typeSchemas[0];
    }
    return z.union(typeSchemas);
  }
  if (!type) {
    return z.any();
  }
  let zodSchema;
  switch (type) {
    case "string": {
      let stringSchema = z.string();
      if (schema.format) {
        const format = schema.format;
        if (format === "email") {
          stringSchema = stringSchema.check(z.email());
        } else if (format === "uri" || format === "uri-reference") {
          stringSchema = stringSchema.check(z.url());
        } else if (format === "uuid" || format === "guid") {
          stringSchema = stringSchema.check(z.uuid());
        } else if (format === "date-time") {
          stringSchema = stringSchema.check(z.iso.datetime({ offset: true }));
        } else if (format === "date") {
          stringSchema = stringSchema.check(z.iso.date());
        } else if (format === "time") {
          stringSchema = stringSchema.check(z.regex(fullTime));
        } else if (format === "duration") {
          stringSchema = stringSchema.check(z.iso.duration());
        } else if (format === "hostname") {
          stringSchema = stringSchema.check(z.hostname());
        } else if (format === "ipv4") {
          stringSchema = stringSchema.check(z.ipv4());
        } else if (format === "ipv6") {
          stringSchema = stringSchema.check(z.ipv6());
        } else if (format === "mac") {
          stringSchema = stringSchema.check(z.mac());
        } else if (format === "cidr") {
          stringSchema = stringSchema.check(z.cidrv4());
        } else if (format === "cidr-v6") {
          stringSchema = stringSchema.check(z.cidrv6());
        } else if (format === "base64") {
          stringSchema = stringSchema.check(z.base64());
        } else if (format === "base64url") {
          stringSchema = stringSchema.check(z.base64url());
        } else if (format === "e164") {
          stringSchema = stringSchema.check(z.e164());
        } else if (format === "credit_card") {
          stringSchema = stringSchema.check(z.creditCard());
        } else if (format === "iban") {
          stringSchema = stringSchema.check(z.iban());
        } else if (format === "jwt") {
          stringSchema = stringSchema.check(z.jwt());
        } else if (format === "emoji") {
          stringSchema = stringSchema.check(z.emoji());
        } else if (format === "nanoid") {
          stringSchema = stringSchema.check(z.nanoid());
        } else if (format === "cuid") {
          stringSchema = stringSchema.check(z.cuid());
        } else if (format === "cuid2") {
          stringSchema = stringSchema.check(z.cuid2());
        } else if (format === "ulid") {
          stringSchema = stringSchema.check(z.ulid());
        } else if (format === "xid") {
          stringSchema = stringSchema.check(z.xid());
        } else if (format === "ksuid") {
          stringSchema = stringSchema.check(z.ksuid());
        }
      }
      if (typeof schema.minLength === "number") {
        stringSchema = stringSchema.min(schema.minLength);
      }
      if (typeof schema.maxLength === "number") {
        stringSchema = stringSchema.max(schema.maxLength);
      }
      if (schema.pattern) {
        stringSchema = stringSchema.regex(new RegExp(schema.pattern));
      }
      zodSchema = stringSchema;
      break;
    }
    case "number":
    case "integer": {
      let numberSchema = type === "integer" ? z.number().int() : z.number();
      if (typeof schema.minimum === "number" && schema.exclusiveMinimum !== true) {
        numberSchema = numberSchema.min(schema.minimum);
      }
      if (typeof schema.maximum === "number" && schema.exclusiveMaximum !== true) {
        numberSchema = numberSchema.max(schema.maximum);
      }
      if (typeof schema.exclusiveMinimum === "number") {
        numberSchema = numberSchema.gt(schema.exclusiveMinimum);
      } else if (schema.exclusiveMinimum === true && typeof schema.minimum === "number") {
        numberSchema = numberSchema.gt(schema.minimum);
      }
      if (typeof schema.exclusiveMaximum === "number") {
        numberSchema = numberSchema.lt(schema.exclusiveMaximum);
      } else if (schema.exclusiveMaximum === true && typeof schema.maximum === "number") {
        numberSchema = numberSchema.lt(schema.maximum);
      }
      if (typeof schema.multipleOf === "number") {
        numberSchema = numberSchema.multipleOf(schema.multipleOf);
      }
      zodSchema = numberSchema;
      break;
    }
    case "boolean": {
      zodSchema = z.boolean();
      break;
    }
    case "null": {
      zodSchema = z.null();
      break;
    }
    case "object": {
      const shape = {};
      const properties = schema.properties || {};
      const requiredSet = new Set(schema.required || []);
      const additionalSchema = typeof schema.additionalProperties === "object" ? convertSchema(schema.additionalProperties, ctx) : void 0;
      for (const [key, propSchema] of Object.entries(properties)) {
        const propZodSchema = convertSchema(propSchema, ctx);
        assignProp(shape, key, requiredSet.has(key) ? propZodSchema : propZodSchema.optional());
      }
      if (schema.patternProperties) {
        const patternProps = schema.patternProperties;
        const patternKeys = Object.keys(patternProps);
        const looseRecords = [];
        for (const pattern of patternKeys) {
          const patternValue = convertSchema(patternProps[pattern], ctx);
          const keySchema = z.string().regex(new RegExp(pattern));
          looseRecords.push(z.looseRecord(keySchema, patternValue));
        }
        const schemasToIntersect = [];
        if (Object.keys(shape).length > 0) {
          schemasToIntersect.push(z.object(shape).passthrough());
        }
        schemasToIntersect.push(...looseRecords);
        if (schemasToIntersect.length === 0) {
          zodSchema = z.object({}).passthrough();
        } else if (schemasToIntersect.length === 1) {
          zodSchema = schemasToIntersect[0];
        } else {
          let result = z.intersection(schemasToIntersect[0], schemasToIntersect[1]);
          for (let i = 2; i < schemasToIntersect.length; i++) {
            result = z.intersection(result, schemasToIntersect[i]);
          }
          zodSchema = result;
        }
        if (schema.additionalProperties === false) {
          const propertyKeys = Object.keys(shape);
          const patterns = patternKeys.map((p) => new RegExp(p));
          const basePatternSchema = zodSchema;
          zodSchema = zodSchema.check((payload) => {
            if (!isPlainObject(payload.value))
              return;
            const unrecognized = [];
            for (const key of Object.keys(payload.value)) {
              if (propertyKeys.includes(key))
                continue;
              if (patterns.some((regex) => regex.test(key)))
                continue;
              unrecognized.push(key);
            }
            if (unrecognized.length) {
              payload.issues.push({
                code: "unrecognized_keys",
                keys: unrecognized,
                input: payload.value,
                inst: basePatternSchema
              });
            }
          });
        }
      } else {
        const objectSchema = z.object(shape);
        if (schema.additionalProperties === false) {
          zodSchema = objectSchema.strict();
        } else if (additionalSchema) {
          zodSchema = objectSchema.catchall(additionalSchema);
        } else {
          zodSchema = objectSchema.passthrough();
        }
      }
      const hasKeyGuard = schema.propertyNames !== void 0 && schema.propertyNames !== true;
      const minProperties = typeof schema.minProperties === "number" ? schema.minProperties : void 0;
      const maxProperties = typeof schema.maxProperties === "number" ? schema.maxProperties : void 0;
      if (hasKeyGuard || minProperties !== void 0 || maxProperties !== void 0) {
        let keySchema;
        if (hasKeyGuard) {
          const keyJSONSchema = typeof schema.propertyNames === "object" && schema.propertyNames.type === void 0 ? { type: "string", ...schema.propertyNames } : schema.propertyNames;
          keySchema = convertSchema(keyJSONSchema, ctx);
        }
        zodSchema = checkObjectGuards(zodSchema, { keySchema, minProperties, maxProperties });
      }
      break;
    }
    case "array": {
      const prefixItems = schema.prefixItems;
      const items = schema.items;
      if (prefixItems && Array.isArray(prefixItems)) {
        const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
        const tupleItems = prefixItems.map((item) => convertSchema(item, ctx));
        const positionalItems = applyMinItems(tupleItems, minItems);
        const rest = !Array.isArray(items) ? getTupleRest(items, ctx) : void 0;
        const tupleSchema = z.tuple(positionalItems);
        zodSchema = rest ? tupleSchema.rest(rest) : tupleSchema;
        if (typeof schema.minItems === "number") {
          zodSchema = zodSchema.check(z.minLength(schema.minItems));
        }
        if (typeof schema.maxItems === "number") {
          zodSchema = zodSchema.check(z.maxLength(schema.maxItems));
        }
      } else if (Array.isArray(items)) {
        const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
        const tupleItems = items.map((item) => convertSchema(item, ctx));
        const positionalItems = applyMinItems(tupleItems, minItems);
        const rest = getTupleRest(schema.additionalItems, ctx);
        const tupleSchema = z.tuple(positionalItems);
        zodSchema = rest ? tupleSchema.rest(rest) : tupleSchema;
        if (typeof schema.minItems === "number") {
          zodSchema = zodSchema.check(z.minLength(schema.minItems));
        }
        if (typeof schema.maxItems === "number") {
          zodSchema = zodSchema.check(z.maxLength(schema.maxItems));
        }
      } else if (items !== void 0) {
        const element = convertSchema(items, ctx);
        let arraySchema = z.array(element);
        if (typeof schema.minItems === "number") {
          arraySchema = arraySchema.min(schema.minItems);
        }
        if (typeof schema.maxItems === "number") {
          arraySchema = arraySchema.max(schema.maxItems);
        }
        zodSchema = arraySchema;
      } else {
        zodSchema = z.array(z.any());
      }
      if (schema.uniqueItems === true || schema.contains !== void 0) {
        zodSchema = checkArrayGuards(zodSchema, {
          uniqueItems: schema.uniqueItems === true,
          containsSchema: schema.contains !== void 0 ? convertSchema(schema.contains, ctx) : void 0,
          minContains: typeof schema.minContains === "number" ? schema.minContains : void 0,
          maxContains: typeof schema.maxContains === "number" ? schema.maxContains : void 0
        });
      }
      break;
    }
    default:
      throw new Error(`Unsupported type: ${type}`);
  }
  return zodSchema;
}
function convertSchema(schema, ctx) {
  if (typeof schema === "boolean") {
    return schema ? z.any() : z.never();
  }
  let baseSchema = convertBaseSchema(schema, ctx);
  const hasExplicitType = schema.type || schema.enum !== void 0 || schema.const !== void 0;
  if (schema.anyOf && Array.isArray(schema.anyOf)) {
    const options = schema.anyOf.map((s) => convertSchema(s, ctx));
    const anyOfUnion = z.union(options);
    baseSchema = hasExplicitType ? z.intersection(baseSchema, anyOfUnion) : anyOfUnion;
  }
  if (schema.oneOf && Array.isArray(schema.oneOf)) {
    const options = schema.oneOf.map((s) => convertSchema(s, ctx));
    const oneOfUnion = z.xor(options);
    baseSchema = hasExplicitType ? z.intersection(baseSchema, oneOfUnion) : oneOfUnion;
  }
  if (schema.allOf && Array.isArray(schema.allOf)) {
    if (schema.allOf.length === 0) {
      baseSchema = hasExplicitType ? baseSchema : z.any();
    } else {
      let result = hasExplicitType ? baseSchema : convertSchema(schema.allOf[0], ctx);
      const startIdx = hasExplicitType ? 0 : 1;
      for (let i = startIdx; i < schema.allOf.length; i++) {
        result = z.intersection(result, convertSchema(schema.allOf[i], ctx));
      }
      baseSchema = result;
    }
  }
  if (schema.nullable === true && ctx.version === "openapi-3.0") {
    baseSchema = z.nullable(baseSchema);
  }
  if (schema.readOnly === true) {
    baseSchema = z.readonly(baseSchema);
  }
  if (schema.default !== void 0) {
    baseSchema = baseSchema.default(schema.default);
  }
  const extraMeta = {};
  const coreMetadataKeys = ["$id", "id", "$comment", "$anchor", "$vocabulary", "$dynamicRef", "$dynamicAnchor"];
  for (const key of coreMetadataKeys) {
    if (key in schema) {
      extraMeta[key] = schema[key];
    }
  }
  const contentMetadataKeys = ["contentEncoding", "contentMediaType", "contentSchema"];
  for (const key of contentMetadataKeys) {
    if (key in schema) {
      extraMeta[key] = schema[key];
    }
  }
  if (schema.type === "object" && schema.$ref === void 0) {
    if (schema.propertyNames !== void 0 && !containsRef(schema.propertyNames)) {
      extraMeta.propertyNames = schema.propertyNames;
    }
    for (const key of ["minProperties", "maxProperties"]) {
      if (schema[key] !== void 0)
        extraMeta[key] = schema[key];
    }
  }
  if (schema.type === "array" && schema.$ref === void 0) {
    if (schema.contains !== void 0 && !containsRef(schema.contains)) {
      extraMeta.contains = schema.contains;
    }
    for (const key of ["uniqueItems", "minContains", "maxContains"]) {
      if (schema[key] !== void 0)
        extraMeta[key] = schema[key];
    }
  }
  for (const key of Object.keys(schema)) {
    if (!RECOGNIZED_KEYS.has(key)) {
      assignProp(extraMeta, key, schema[key]);
    }
  }
  if (Object.keys(extraMeta).length > 0) {
    ctx.registry.add(baseSchema, extraMeta);
  }
  if (schema.description) {
    baseSchema = baseSchema.describe(schema.description);
  }
  return baseSchema;
}
function fromJSONSchema(schema, params) {
  if (typeof schema === "boolean") {
    return schema ? z.any() : z.never();
  }
  let normalized;
  try {
    normalized = JSON.parse(JSON.stringify(schema));
  } catch {
    throw new Error("fromJSONSchema input is not valid JSON (possibly cyclic); use $defs/$ref for recursive schemas");
  }
  const version2 = detectVersion(normalized, params?.defaultTarget);
  const defs = normalized.$defs || normalized.definitions || {};
  const ctx = {
    version: version2,
    defs,
    refs: /* @__PURE__ */ new Map(),
    processing: /* @__PURE__ */ new Set(),
    rootSchema: normalized,
    registry: params?.registry ?? globalRegistry
  };
  return convertSchema(normalized, ctx);
}

// node_modules/zod/v4/core/visit.js
var RESOLVING = /* @__PURE__ */ Symbol("z.visit/resolving");
function visit(schema, fnOrHandlers) {
  const fn = typeof fnOrHandlers === "function" ? fnOrHandlers : (node2, rewritten) => {
    const h = fnOrHandlers[node2._zod.def.type];
    return h ? h(node2, rewritten) : node2;
  };
  const cache = /* @__PURE__ */ new Map();
  function run(s) {
    const cached2 = cache.get(s);
    if (cached2 === RESOLVING) {
      return new $ZodLazy({
        type: "lazy",
        getter: () => cache.get(s)
      });
    }
    if (cached2 !== void 0)
      return cached2;
    cache.set(s, RESOLVING);
    const inner = mapInner(s);
    const mapped = fn(inner, inner !== s);
    cache.set(s, mapped);
    return mapped;
  }
  function mapInner(s) {
    const def = s._zod.def;
    const kind = def.type;
    switch (kind) {
      case "object": {
        const oldShape = def.shape;
        const keys = Object.keys(oldShape);
        let changed = false;
        const newShape = {};
        for (const k of keys) {
          const mapped = run(oldShape[k]);
          if (mapped !== oldShape[k])
            changed = true;
          newShape[k] = mapped;
        }
        let newCatchall = def.catchall;
        if (def.catchall) {
          newCatchall = run(def.catchall);
          if (newCatchall !== def.catchall)
            changed = true;
        }
        return changed ? clone(s, { ...def, shape: newShape, catchall: newCatchall }) : s;
      }
      case "array": {
        const mapped = run(def.element);
        return mapped === def.element ? s : clone(s, { ...def, element: mapped });
      }
      case "tuple": {
        const oldItems = def.items;
        let changed = false;
        const newItems = [];
        for (const item of oldItems) {
          const mapped = run(item);
          if (mapped !== item)
            changed = true;
          newItems.push(mapped);
        }
        let newRest = def.rest;
        if (def.rest) {
          newRest = run(def.rest);
          if (newRest !== def.rest)
            changed = true;
        }
        return changed ? clone(s, { ...def, items: newItems, rest: newRest }) : s;
      }
      case "record":
      case "map": {
        const newKey = run(def.keyType);
        const newVal = run(def.valueType);
        return newKey === def.keyType && newVal === def.valueType ? s : clone(s, { ...def, keyType: newKey, valueType: newVal });
      }
      case "set": {
        const newVal = run(def.valueType);
        return newVal === def.valueType ? s : clone(s, { ...def, valueType: newVal });
      }
      case "union": {
        const oldOptions = def.options;
        let changed = false;
        const newOptions = [];
        for (const opt of oldOptions) {
          const mapped = run(opt);
          if (mapped !== opt)
            changed = true;
          newOptions.push(mapped);
        }
        return changed ? clone(s, { ...def, options: newOptions }) : s;
      }
      case "intersection": {
        const newLeft = run(def.left);
        const newRight = run(def.right);
        return newLeft === def.left && newRight === def.right ? s : clone(s, { ...def, left: newLeft, right: newRight });
      }
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
      case "nonoptional":
      case "promise":
      case "success": {
        const newInner = run(def.innerType);
        return newInner === def.innerType ? s : clone(s, { ...def, innerType: newInner });
      }
      case "pipe": {
        const newIn = run(def.in);
        const newOut = run(def.out);
        return newIn === def.in && newOut === def.out ? s : clone(s, { ...def, in: newIn, out: newOut });
      }
      case "function": {
        const newInput = run(def.input);
        const newOutput = run(def.output);
        return newInput === def.input && newOutput === def.output ? s : clone(s, { ...def, input: newInput, output: newOutput });
      }
      case "lazy": {
        const original = def.getter;
        const { _cachedInner, ...rest } = def;
        return clone(s, { ...rest, getter: () => run(original()) });
      }
      // A leaf by choice: `parts` are regex fragments, not data positions.
      case "template_literal":
      // Leaves.
      case "string":
      case "number":
      case "int":
      case "boolean":
      case "bigint":
      case "symbol":
      case "undefined":
      case "null":
      case "void":
      case "never":
      case "any":
      case "unknown":
      case "date":
      case "nan":
      case "enum":
      case "literal":
      case "file":
      case "transform":
      case "custom":
        return s;
      default: {
        kind;
        return s;
      }
    }
  }
  return run(schema);
}

// node_modules/zod/v4/classic/deep-partial.js
function deepPartial(schema) {
  return visit(schema, {
    object: (s) => s.partial(),
    // Every partialed option now admits `undefined`, which the constructor rejects as a duplicate.
    union: (s) => {
      const def = s._zod.def;
      return def.discriminator === void 0 ? s : union(def.options);
    }
  });
}

// node_modules/zod/v4/classic/in-out.js
function withChecks(side, checks) {
  if (!checks?.length)
    return side;
  const def = side._zod.def;
  return clone(side, mergeDefs(def, { checks: [...def.checks ?? [], ...checks] }), { parent: true });
}
function outSide(def) {
  return withChecks(def.out, def.checks);
}
function inSide(def) {
  return def.in._zod.traits.has("$ZodTransform") ? outSide(def) : def.in;
}
function input(schema) {
  return visit(schema, {
    pipe: (s) => inSide(s._zod.def),
    // A default value belongs to the output side, so a rewritten inner type leaves it stranded. `.default()` widens the declared input type with `undefined`, and `optional` is what carries that across.
    default: (s, rewritten) => rewritten ? optional(s._zod.def.innerType) : s,
    // A catch value is output-side too, but `.catch()` leaves the declared input type alone, so the inner schema stands on its own.
    catch: (s, rewritten) => rewritten ? s._zod.def.innerType : s
  });
}
function output(schema) {
  return visit(schema, {
    pipe: (s) => outSide(s._zod.def),
    // A prefault value is fed through the schema, which makes it input-side, so a rewritten inner type leaves it stranded.
    prefault: (s, rewritten) => rewritten ? s._zod.def.innerType : s
  });
}

// node_modules/zod/v4/classic/coerce.js
var coerce_exports = {};
__export(coerce_exports, {
  bigint: () => bigint3,
  boolean: () => boolean3,
  date: () => date4,
  number: () => number3,
  string: () => string3
});
function string3(params) {
  return _coercedString(ZodString, params);
}
function number3(params) {
  return _coercedNumber(ZodNumber, params);
}
function boolean3(params) {
  return _coercedBoolean(ZodBoolean, params);
}
function bigint3(params) {
  return _coercedBigint(ZodBigInt, params);
}
function date4(params) {
  return _coercedDate(ZodDate, params);
}

// packages/ci-reporter/package.json
var package_default = {
  name: "@rust-build-cache/ci-reporter",
  version: "0.1.0",
  description: "CLI that collects sccache statistics, toolchain pins and dependency fingerprints in CI and sends them to Backstage",
  license: "Apache-2.0",
  homepage: "https://github.com/rust-build-cache/rust-build-cache/tree/main/packages/ci-reporter#readme",
  repository: {
    type: "git",
    url: "git+https://github.com/rust-build-cache/rust-build-cache.git",
    directory: "packages/ci-reporter"
  },
  bugs: {
    url: "https://github.com/rust-build-cache/rust-build-cache/issues"
  },
  keywords: [
    "backstage",
    "backstage-plugin",
    "rust",
    "sccache",
    "build-cache",
    "cli",
    "ci",
    "github-actions"
  ],
  engines: {
    node: ">=22"
  },
  main: "src/index.ts",
  types: "src/index.ts",
  exports: {
    ".": "./src/index.ts",
    "./testing": "./src/testing/index.ts",
    "./package.json": "./package.json"
  },
  typesVersions: {
    "*": {
      testing: [
        "src/testing/index.ts"
      ],
      "package.json": [
        "package.json"
      ]
    }
  },
  bin: {
    "rust-build-cache": "bin/rust-build-cache"
  },
  publishConfig: {
    access: "public",
    main: "dist/index.cjs.js",
    types: "dist/index.d.ts"
  },
  backstage: {
    role: "cli"
  },
  scripts: {
    build: "backstage-cli package build",
    lint: "backstage-cli package lint",
    test: "backstage-cli package test",
    clean: "backstage-cli package clean",
    prepack: "backstage-cli package prepack",
    postpack: "backstage-cli package postpack"
  },
  dependencies: {
    "@rust-build-cache/plugin-rust-build-cache-common": "workspace:^",
    zod: "^4.1.0"
  },
  devDependencies: {
    "@backstage/cli": "^0.36.6",
    esbuild: "^0.28.2"
  },
  files: [
    "bin",
    "dist"
  ]
};

// packages/ci-reporter/src/commands/check.ts
var import_node_path10 = require("node:path");

// plugins/rust-build-cache-common/src/metrics/sumCounts.ts
function sumCounts(counts) {
  let total = 0;
  for (const count2 of Object.values(counts)) total += count2;
  return total;
}

// plugins/rust-build-cache-common/src/report/webUrl.ts
function isWebUrl(value) {
  if (!/^https?:\/\//.test(value)) return false;
  try {
    const { protocol, host } = new URL(value);
    return (protocol === "http:" || protocol === "https:") && host !== "";
  } catch {
    return false;
  }
}

// plugins/rust-build-cache-common/src/report/workspacePath.ts
function normaliseWorkspacePath(workspacePath2) {
  const segments = workspacePath2.trim().split("/").filter((segment) => segment !== "" && segment !== ".");
  return segments.length ? segments.join("/") : ".";
}

// plugins/rust-build-cache-common/src/report/fields.ts
var MAX_REPORT_COUNT = 2147483647;
var MAX_REPORT_BYTES = Number.MAX_SAFE_INTEGER;
var MAX_REPORT_SECONDS = 1e9;
var MAX_REPORT_MAP_KEYS = 256;
var EARLIEST_REPORT_TIME = "2015-01-01T00:00:00Z";
var MAX_REPORT_CLOCK_SKEW_MS = 60 * 60 * 1e3;
var WELL_FORMED_TEXT = (
  // eslint-disable-next-line no-control-regex -- refusing NUL is the point
  /^(?:[^\u0000\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/
);
var WELL_FORMED_TEXT_MESSAGE = "must be well-formed Unicode text without NUL characters";
function text(max, min = 0) {
  const string4 = min > 0 ? external_exports.string().min(min) : external_exports.string();
  return string4.max(max).regex(WELL_FORMED_TEXT, WELL_FORMED_TEXT_MESSAGE);
}
var count = external_exports.int().min(0).max(
  MAX_REPORT_COUNT,
  `must be at most ${MAX_REPORT_COUNT}, the largest count the database stores`
);
var sha256Digest = external_exports.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase hex sha256");
var bytes = external_exports.int().min(0).max(MAX_REPORT_BYTES);
var seconds = external_exports.number().min(0).max(MAX_REPORT_SECONDS);
function boundedMap(keyMax, value, maxKeys = MAX_REPORT_MAP_KEYS, key = text(keyMax, 1)) {
  return external_exports.record(key, value).refine(
    (map2) => Object.keys(map2).length <= maxKeys,
    `must have at most ${maxKeys} keys`
  ).meta({ maxProperties: maxKeys });
}
var countsByKey = boundedMap(200, count).refine((counts) => sumCounts(counts) <= MAX_REPORT_COUNT, {
  message: `the counts must add up to at most ${MAX_REPORT_COUNT}`,
  when: ({ value }) => isPlainObject2(value) && Object.values(value).every((item) => typeof item === "number")
}).meta({
  description: `The sum of the counts is at most ${MAX_REPORT_COUNT} (checked by validateReport only).`
});
var earliestTime = Date.parse(EARLIEST_REPORT_TIME);
var isoDateTime = external_exports.iso.datetime({ offset: true });
var ISO_DATE_TIME = patternOf(isoDateTime);
function patternOf(format) {
  const { pattern } = format._zod.def;
  if (!pattern) throw new Error(`zod gave ${format.format} no pattern`);
  return pattern;
}
var timestamp = isoDateTime.refine(
  (time3) => Date.parse(time3) >= earliestTime,
  `must not be before ${EARLIEST_REPORT_TIME}`
);
function isTimestamp(value) {
  return typeof value === "string" && ISO_DATE_TIME.test(value) && Date.parse(value) >= earliestTime;
}
function finishedAtTimestamp(now) {
  return timestamp.refine(
    (time3) => Date.parse(time3) <= now() + MAX_REPORT_CLOCK_SKEW_MS,
    "must not be more than one hour in the future (is the clock of the CI runner right?)"
  ).meta({
    description: `Not before ${EARLIEST_REPORT_TIME} and at most one hour after the receiver's clock (checked by validateReport only).`
  });
}
var WEB_URL_MESSAGE = "must be an http or https URL";
var webUrl = text(2e3).regex(/^https?:\/\//, { message: WEB_URL_MESSAGE, abort: true }).refine(isWebUrl, WEB_URL_MESSAGE).meta({ format: "uri" });
var CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
var NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f-\u009f]*$/;
var PATH_MESSAGE = "must be a path relative to the repository root";
var workspacePath = text(500, 1).regex(NO_CONTROL_CHARACTERS, "must not contain control characters").regex(/^[^\\]*$/, "must use forward slashes, not backslashes").transform((path) => path.trim()).pipe(
  external_exports.string().min(1, `${PATH_MESSAGE}, '.' for the root`).refine((path) => !path.startsWith("/"), `${PATH_MESSAGE}, not absolute`).refine(
    (path) => !path.split("/").includes(".."),
    `${PATH_MESSAGE}, without '..'`
  )
).transform(normaliseWorkspacePath).meta({
  description: "Trimmed, then: not absolute, no '..' segment (checked by validateReport only); stored without empty and '.' segments."
});
function isPlainObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// plugins/rust-build-cache-common/src/report/issues.ts
function reportIssueOf(issue2) {
  return { path: formatIssuePath(issue2.path), message: messageOf(issue2) };
}
function messageOf(issue2) {
  if (issue2.code !== "invalid_key") return issue2.message;
  return `invalid key: ${issue2.issues.map((keyIssue) => keyIssue.message).join("; ")}`;
}
var MAX_SHOWN_PATH_SEGMENTS = 16;
function formatIssuePath(path) {
  if (path.length === 0) return "(root)";
  const shown = path.length > MAX_SHOWN_PATH_SEGMENTS ? [...path.slice(0, 8), "\u2026", ...path.slice(-8)] : path;
  return shown.map((segment) => {
    const key = String(segment);
    const cut = key.length > 64 ? `${key.slice(0, 64)}\u2026` : key;
    return CONTROL_CHARACTER.test(cut) ? JSON.stringify(cut) : cut;
  }).join(".");
}
var MAX_LISTED_ISSUES = 20;
function formatReportIssues(issues) {
  const lines = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > MAX_LISTED_ISSUES) {
    lines.push(`\u2026 and ${issues.length - MAX_LISTED_ISSUES} more`);
  }
  return lines.join("\n");
}

// plugins/rust-build-cache-common/src/report/keyInputs.ts
var MAX_KEY_INPUT_VARIABLES = 500;
var ABSOLUTE_PATH_MESSAGE = "must be an absolute path (/\u2026 or a Windows drive path)";
var absolutePath = text(2e3, 1).regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters").regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, ABSOLUTE_PATH_MESSAGE);
var pathOrSha256Schema = external_exports.union([
  external_exports.strictObject({ path: absolutePath }),
  external_exports.strictObject({
    sha256: sha256Digest.meta({
      description: "sha256 of the absolute path (collect --redact-paths)."
    })
  })
]);
var cargoVarName = text(200, 1).regex(
  // eslint-disable-next-line no-control-regex -- a NUL is no name either
  /^CARGO_[^=\u0000]*$/,
  "must be a CARGO_* variable name (without '=')"
);
var keyInputsSchema = external_exports.object({
  /**
   * The workspace's directory in the checkout, absolute: the working directory of the
   * workspace's own crates' compiles.
   */
  workspaceDir: pathOrSha256Schema,
  /**
   * The cargo home in effect (`CARGO_HOME`, else `$HOME/.cargo`), absolute; registry and
   * git sources live under it. Null when neither is known.
   */
  cargoHome: pathOrSha256Schema.nullable(),
  /**
   * sha256 of the value of every `CARGO_*` variable of the build environment, by name;
   * never the value.
   */
  cargoVarValueSha256: boundedMap(
    200,
    sha256Digest,
    MAX_KEY_INPUT_VARIABLES,
    cargoVarName
  )
});
var reportKeyInputsSchema = keyInputsSchema.optional();

// plugins/rust-build-cache-common/src/report/problems.ts
var MAX_REPORT_PROBLEMS = 20;
var oneLine = (max) => text(max, 1).regex(/^[^\u0000-\u001f\u007f]+$/, "must be one line of text");
var reportProblemSchema = external_exports.object({
  /**
   * The file's path relative to the repository root, with forward slashes, e.g.
   * `rust-toolchain.toml` or `services/billing/Cargo.lock`; only the file name for a file
   * outside the repository (a timings file in a shared target directory).
   */
  file: oneLine(500),
  /** What is wrong with it, e.g. `the [toolchain] table is missing`. */
  message: oneLine(1e3)
});
var reportProblemsSchema = external_exports.array(reportProblemSchema).max(MAX_REPORT_PROBLEMS).optional();
var fileName = (path) => path.slice(path.lastIndexOf("/") + 1);
function problemWithFile(report, names) {
  return report.problems?.find(
    (problem) => names.includes(fileName(problem.file))
  );
}
function toolchainFileProblem(report) {
  return problemWithFile(report, ["rust-toolchain", "rust-toolchain.toml"]);
}
function cargoLockProblem(report) {
  return problemWithFile(report, ["Cargo.lock"]);
}

// plugins/rust-build-cache-common/src/report/prototypeKeys.ts
function pathOf(visit2) {
  const path = [];
  for (let at = visit2; at?.parent; at = at.parent) {
    path.push(at.key);
  }
  return path.reverse();
}
var hasOwn = Object.prototype.hasOwnProperty;
function hasPrototypeKey(input3) {
  const pending = [input3];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== "object" || value === null) continue;
    if (hasOwn.call(value, "__proto__")) return true;
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (typeof child === "object" && child !== null) pending.push(child);
    }
  }
  return false;
}
function findPrototypeKeys(input3) {
  if (!hasPrototypeKey(input3)) return [];
  const found = [];
  const pending = [{ value: input3, key: "", parent: null }];
  for (let visit2 = pending.pop(); visit2; visit2 = pending.pop()) {
    const { value } = visit2;
    if (typeof value !== "object" || value === null) continue;
    if (hasOwn.call(value, "__proto__")) {
      found.push([...pathOf(visit2), "__proto__"]);
    }
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === "object" && child !== null) {
        pending.push({ value: child, key, parent: visit2 });
      }
    }
  }
  return found;
}

// plugins/rust-build-cache-common/src/report/schema.ts
var REPORT_SCHEMA_VERSION = 1;
var shortText = text(500, 1);
function createSourceSchema(now) {
  return external_exports.object({
    repository: external_exports.object({
      /** e.g. `github.com` */
      host: external_exports.string().min(1).max(255).regex(/^[A-Za-z0-9.-]+(:\d+)?$/, "must be a host name"),
      /** Owner, organisation or group path (GitLab subgroups contain slashes). */
      owner: text(255, 1),
      name: text(255, 1)
    }),
    /** Path of the Cargo workspace inside the repository, `.` for the root. */
    workspacePath,
    branch: text(500).nullable(),
    commit: text(100).nullable(),
    ci: external_exports.object({
      provider: external_exports.enum([
        "github-actions",
        "gitlab-ci",
        "buildkite",
        "generic"
      ]),
      runId: shortText,
      runAttempt: external_exports.int().min(1).max(MAX_REPORT_COUNT),
      job: shortText,
      url: webUrl.nullable()
    }),
    startedAt: timestamp.nullable().meta({
      description: "Not after finishedAt (checked by validateReport only)."
    }),
    finishedAt: finishedAtTimestamp(now)
  }).refine(
    ({ startedAt, finishedAt }) => startedAt === null || Date.parse(startedAt) <= Date.parse(finishedAt),
    {
      path: ["startedAt"],
      message: "must not be after finishedAt",
      when: ({ value }) => {
        const source = value;
        return isTimestamp(source?.startedAt) && isTimestamp(source?.finishedAt);
      }
    }
  );
}
var CACHE_BACKENDS = [
  "local",
  "s3",
  "redis",
  "memcached",
  "gcs",
  "gha",
  "azure",
  "webdav",
  "oss",
  "cos",
  "multi-level",
  "unknown"
];
var cacheSchema = external_exports.object({
  /** sccache's `cache_location` with any credentials removed. */
  location: text(2e3),
  backend: external_exports.enum(CACHE_BACKENDS),
  /** Bucket, container or endpoint name for remote backends. */
  bucket: text(500).nullable(),
  /** Key prefix for remote backends. */
  prefix: text(500).nullable(),
  /** Directory for the local disk backend. */
  path: text(2e3).nullable(),
  /** Bytes; null until the disk cache is first touched, and always for remote backends. */
  size: bytes.nullable(),
  maxSize: bytes.nullable()
});
var multiLevelSchema = external_exports.object({
  /** sccache's level name, e.g. `L0 (disk)`, `L1 (s3)`. */
  name: text(500),
  location: text(2e3),
  /** Parsed from `location` as for the top-level cache. */
  backend: external_exports.enum(CACHE_BACKENDS).optional(),
  bucket: text(500).nullable().optional(),
  prefix: text(500).nullable().optional(),
  path: text(2e3).nullable().optional(),
  /** Lookups found at this level. */
  hits: count,
  /** Lookups that reached this level and did not find the entry there. */
  misses: count,
  writes: count,
  writeFailures: count,
  /** Times an entry found here was copied to faster levels (one per faster level). */
  backfillsFrom: count.optional(),
  /** Entries copied into this level from slower ones. */
  backfillsTo: count.optional(),
  /** Totals over the run, not averages. */
  hitSeconds: seconds.optional(),
  writeSeconds: seconds.optional()
});
var sccacheSchema = external_exports.object({
  /** Null for sccache older than 0.4.0, which does not report its version. */
  version: text(100).nullable(),
  counters: external_exports.object({
    compileRequests: count,
    requestsExecuted: count,
    requestsNotCacheable: count,
    requestsNotCompile: count,
    requestsUnsupportedCompiler: count,
    /** Per language group (`Rust`, `C/C++`, ...). */
    hits: countsByKey,
    misses: countsByKey,
    errors: countsByKey,
    /** `stats.not_cached`: non-cacheable reason → count. */
    notCached: countsByKey,
    cacheWrites: count,
    cacheWriteErrors: count,
    cacheTimeouts: count,
    /**
     * sccache's `cache_read_errors`, which no release up to 0.17 increments (unreadable
     * entries count as `errors` plus `misses`); absent in reports of older CLIs.
     */
    cacheReadErrors: count.optional(),
    nonCacheableCompilations: count,
    forcedRecaches: count,
    compileFails: count,
    /** Null before sccache 0.9, which does not count compilations. */
    compilations: count.nullable(),
    distCompiles: count,
    distErrors: count
  }),
  /** Totals over the run, not averages. */
  durations: external_exports.object({
    cacheWriteSeconds: seconds,
    cacheReadHitSeconds: seconds,
    compilerWriteSeconds: seconds
  }),
  cache: cacheSchema,
  multiLevel: external_exports.array(multiLevelSchema).max(32).nullable()
});
var toolchainFileSchema = external_exports.object({
  /** Which file rustup uses: the legacy `rust-toolchain` wins when both exist. */
  file: external_exports.enum(["rust-toolchain.toml", "rust-toolchain"]),
  channel: text(200).nullable(),
  /** Set when the toolchain is a local path instead of a channel. */
  path: text(2e3).nullable(),
  components: external_exports.array(text(200)).max(100),
  targets: external_exports.array(text(200)).max(100),
  profile: text(50).nullable()
});
var rustcSchema = external_exports.object({
  /** e.g. `1.95.0` or `1.96.0-nightly` */
  release: text(100, 1),
  /** The whole first line, e.g. `rustc 1.95.0 (59807616e 2026-04-14)` */
  version: text(300, 1),
  commitHash: text(100).nullable(),
  commitDate: text(20).nullable(),
  host: text(200).nullable()
});
var dependenciesSchema = external_exports.object({
  /** 1 to 4; null when Cargo.lock is not committed. */
  lockVersion: external_exports.number().int().min(1).max(4).nullable(),
  /** Stable across lockfile formats and workspace version bumps; see `analyzeCargoLock`. */
  fingerprint: sha256Digest.nullable(),
  packages: external_exports.object({ registry: count, git: count, path: count })
});
var profileSchema = external_exports.object({
  incremental: external_exports.boolean().nullable(),
  codegenUnits: external_exports.int().min(1).max(MAX_REPORT_COUNT).nullable(),
  debug: external_exports.union([external_exports.boolean(), external_exports.number().int(), text(50)]).nullable(),
  lto: external_exports.union([external_exports.boolean(), text(50)]).nullable(),
  optLevel: external_exports.union([external_exports.number().int(), text(10)]).nullable()
});
var buildSchema = external_exports.object({
  /** `[profile.<name>]` of the workspace Cargo.toml, only the keys that matter for caching. */
  profiles: boundedMap(100, profileSchema),
  /**
   * The cargo profile the build used (`dev`, `release`, a custom one); null or absent when
   * unknown (reports of older CLIs).
   */
  cargoProfile: text(100, 1).nullable().optional(),
  /**
   * The target triple the build compiled for (`--target` / `CARGO_BUILD_TARGET`); null or
   * absent when unknown, i.e. the host triple unless the build set one in cargo's config.
   */
  target: text(200, 1).nullable().optional(),
  env: external_exports.object({
    rustcWrapper: text(500).nullable(),
    cargoIncremental: text(50).nullable(),
    rustflags: external_exports.object({ set: external_exports.boolean(), sha256: sha256Digest.nullable() }),
    /** Names only: values may hold secrets. */
    cargoVarNames: external_exports.array(text(200)).max(500),
    sccacheVarNames: external_exports.array(text(200)).max(500),
    sccacheCacheSize: text(50).nullable()
  })
});
var timingUnitSchema = external_exports.object({
  name: text(300),
  version: text(100),
  /** cargo's target label, trimmed: `lib` (cargo leaves it empty), `server "bin"`, `build-script`, `build-script (run)`. */
  target: text(300),
  mode: text(50),
  seconds
});
var timingsSchema = external_exports.object({
  totalSeconds: seconds,
  unitCount: count,
  slowest: external_exports.array(timingUnitSchema).max(100)
});
function createReportSchema(now) {
  return external_exports.object({
    schemaVersion: external_exports.literal(REPORT_SCHEMA_VERSION),
    kind: external_exports.enum(["ci", "prewarm"]),
    source: createSourceSchema(now),
    sccache: sccacheSchema.nullable(),
    toolchain: external_exports.object({
      file: toolchainFileSchema.nullable(),
      rustc: rustcSchema.nullable()
    }),
    dependencies: dependenciesSchema.nullable(),
    build: buildSchema,
    timings: timingsSchema.nullable(),
    /** Input files collect found broken (see `./problems.ts`); absent from older CLIs. */
    problems: reportProblemsSchema,
    /** Working directories, cargo home and CARGO_* value hashes (see `./keyInputs.ts`); absent from older CLIs. */
    keyInputs: reportKeyInputsSchema
  });
}
var clockOfValidation;
var buildCacheReportSchema = createReportSchema(
  () => clockOfValidation ?? Date.now()
);
function validateReport(input3, options = {}) {
  clockOfValidation = options.now?.getTime();
  let parsed;
  try {
    parsed = buildCacheReportSchema.safeParse(input3);
  } finally {
    clockOfValidation = void 0;
  }
  const issues = findPrototypeKeys(input3).map((path) => ({
    path: formatIssuePath(path),
    message: "must not be a key: JavaScript readers drop it"
  }));
  if (parsed.success && issues.length === 0) {
    return { ok: true, report: parsed.data };
  }
  for (const issue2 of parsed.error?.issues ?? []) {
    issues.push(reportIssueOf(issue2));
  }
  return { ok: false, issues };
}

// node-sha256:rust-build-cache-common/sha256Hex
var import_node_crypto = require("node:crypto");
function sha256Hex(text3) {
  return (0, import_node_crypto.createHash)("sha256").update(text3, "utf8").digest("hex");
}

// plugins/rust-build-cache-common/src/build/collectKeyInputs.ts
function collectKeyInputs(options) {
  const { env, redactPaths } = options;
  const recorded = (path) => redactPaths || !pathOrSha256Schema.safeParse({ path }).success ? { sha256: sha256Hex(path) } : { path };
  const cargoVarValueSha256 = {};
  const names = Object.keys(env).filter((name) => name.startsWith("CARGO_") && env[name] !== void 0).filter((name) => name.length <= 200 && !name.includes("=")).sort().slice(0, MAX_KEY_INPUT_VARIABLES);
  for (const name of names) {
    cargoVarValueSha256[name] = sha256Hex(env[name]);
  }
  return {
    workspaceDir: recorded(options.workspaceDir),
    cargoHome: options.cargoHome === null ? null : recorded(options.cargoHome),
    cargoVarValueSha256
  };
}

// plugins/rust-build-cache-common/src/util/json.ts
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeValue(value) {
  if (value === void 0) return "nothing";
  const text3 = JSON.stringify(value) ?? String(value);
  return text3.length > 60 ? `${text3.slice(0, 57)}...` : text3;
}
function clip(text3, max) {
  return text3.length > max ? text3.slice(0, max) : text3;
}

// plugins/rust-build-cache-common/src/sccache/parseCacheLocation.ts
var BACKEND_OF_SCHEME = {
  s3: "s3",
  redis: "redis",
  memcached: "memcached",
  gcs: "gcs",
  ghac: "gha",
  gha: "gha",
  azblob: "azure",
  azure: "azure",
  webdav: "webdav",
  oss: "oss",
  cos: "cos"
};
var URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi;
var BARE_USER_INFO = /(^|[\s,(])[^\s,(/@:]*:[^\s,/@]*@(?=[^\s,@])/g;
var SECRET_QUERY_VALUE = /([?&][a-z_]*(?:pass|pwd|secret|token|sig|key|auth|credential)[a-z_]*=)[^&\s,]*/gi;
function redactCredentials(text3) {
  return text3.replace(URL_USER_INFO, "$1").replace(BARE_USER_INFO, "$1").replace(SECRET_QUERY_VALUE, "$1[redacted]");
}
var DISK = /^Local disk: (".*")$/s;
var MULTI_LEVEL = /^Multi-level \(\d+ levels?\)/;
var REMOTE = /^([A-Za-z0-9_-]+), name: (.*), prefix: (.*)$/s;
var LEADING_WORD = /^([A-Za-z0-9]+)\b/;
function parseCacheLocation(location) {
  const text3 = redactCredentials(location.trim());
  const result = {
    location: clip(text3, 2e3),
    backend: "unknown",
    bucket: null,
    prefix: null,
    path: null
  };
  const disk = DISK.exec(text3);
  if (disk)
    return {
      ...result,
      backend: "local",
      path: clip(unquoteRustDebugString(disk[1]), 2e3)
    };
  if (MULTI_LEVEL.test(text3)) return { ...result, backend: "multi-level" };
  const remote = REMOTE.exec(text3);
  if (remote) {
    return {
      ...result,
      backend: BACKEND_OF_SCHEME[remote[1].toLowerCase()] ?? "unknown",
      bucket: remote[2] ? clip(remote[2], 500) : null,
      prefix: remote[3] ? clip(remote[3], 500) : null
    };
  }
  const word = LEADING_WORD.exec(text3)?.[1].toLowerCase();
  return { ...result, backend: word && BACKEND_OF_SCHEME[word] || "unknown" };
}
function unquoteRustDebugString(quoted) {
  return quoted.slice(1, -1).replace(
    /\\(u\{([0-9a-fA-F]+)\}|.)/g,
    (_, escape, hex3) => {
      if (hex3) return String.fromCodePoint(parseInt(hex3, 16));
      switch (escape) {
        case "n":
          return "\n";
        case "t":
          return "	";
        case "r":
          return "\r";
        case "0":
          return "\0";
        default:
          return escape;
      }
    }
  );
}

// plugins/rust-build-cache-common/src/sccache/parseSccacheStats.ts
var SccacheStatsError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SccacheStatsError";
  }
};
var COMMAND = "sccache --show-stats --stats-format=json";
function parseSccacheStats(input3) {
  const info = typeof input3 === "string" ? parseJson(input3) : input3;
  if (!isJsonObject(info)) {
    throw new SccacheStatsError(
      `sccache statistics must be a JSON object (got ${describeValue(info)})`
    );
  }
  const stats = info.stats;
  if (!isJsonObject(stats)) {
    throw new SccacheStatsError(
      `sccache statistics have no "stats" object: is this the output of '${COMMAND}'?`
    );
  }
  const location = info.cache_location;
  if (typeof location !== "string") {
    throw new SccacheStatsError(
      `cache_location must be a string (got ${describeValue(location)})`
    );
  }
  const version2 = info.version;
  if (version2 !== void 0 && typeof version2 !== "string") {
    throw new SccacheStatsError(
      `version must be a string (got ${describeValue(version2)})`
    );
  }
  return {
    version: version2 === void 0 ? null : clip(version2, 100),
    counters: {
      compileRequests: readCount(stats, "compile_requests", "stats"),
      requestsExecuted: readCount(stats, "requests_executed", "stats"),
      requestsNotCacheable: readCount(stats, "requests_not_cacheable", "stats"),
      requestsNotCompile: readCount(stats, "requests_not_compile", "stats"),
      requestsUnsupportedCompiler: readCount(
        stats,
        "requests_unsupported_compiler",
        "stats"
      ),
      hits: readPerLanguageCounts(stats, "cache_hits"),
      misses: readPerLanguageCounts(stats, "cache_misses"),
      errors: readPerLanguageCounts(stats, "cache_errors"),
      notCached: readCounts(stats, "not_cached", "stats"),
      cacheWrites: readCount(stats, "cache_writes", "stats"),
      cacheWriteErrors: readCount(stats, "cache_write_errors", "stats"),
      cacheTimeouts: readCount(stats, "cache_timeouts", "stats"),
      ...stats.cache_read_errors === void 0 ? {} : { cacheReadErrors: readCount(stats, "cache_read_errors", "stats") },
      nonCacheableCompilations: readCount(
        stats,
        "non_cacheable_compilations",
        "stats"
      ),
      forcedRecaches: readCount(stats, "forced_recaches", "stats"),
      compileFails: readCount(stats, "compile_fails", "stats"),
      // Counted since sccache 0.9.0.
      compilations: stats.compilations === void 0 ? null : readCount(stats, "compilations", "stats"),
      // A map of dist server → compiles.
      distCompiles: sumCounts(readCounts(stats, "dist_compiles", "stats")),
      distErrors: readCount(stats, "dist_errors", "stats")
    },
    durations: {
      cacheWriteSeconds: readSeconds(stats, "cache_write_duration", "stats"),
      cacheReadHitSeconds: readSeconds(
        stats,
        "cache_read_hit_duration",
        "stats"
      ),
      compilerWriteSeconds: readSeconds(
        stats,
        "compiler_write_duration",
        "stats"
      )
    },
    cache: {
      ...parseCacheLocation(location),
      // Null until the disk cache is first touched, and always for remote backends.
      size: info.cache_size === null ? null : readCount(info, "cache_size", "(root)"),
      maxSize: info.max_cache_size === null ? null : readCount(info, "max_cache_size", "(root)")
    },
    multiLevel: readMultiLevel(stats.multi_level)
  };
}
function parseJson(text3) {
  try {
    return JSON.parse(text3);
  } catch (error2) {
    const reason = error2 instanceof Error ? error2.message : String(error2);
    throw new SccacheStatsError(
      `sccache statistics are not JSON (${reason}); expected the output of '${COMMAND}'`
    );
  }
}
function fieldName(parent, key) {
  return parent === "(root)" ? key : `${parent}.${key}`;
}
function readCount(object2, key, parent) {
  const value = object2[key];
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new SccacheStatsError(
      `${fieldName(
        parent,
        key
      )} must be a non-negative integer (got ${describeValue(value)})`
    );
  }
  return value;
}
function readCounts(object2, key, parent) {
  const name = fieldName(parent, key);
  const value = object2[key];
  if (!isJsonObject(value)) {
    throw new SccacheStatsError(
      `${name} must be an object of counts (got ${describeValue(value)})`
    );
  }
  const counts = {};
  for (const countKey of Object.keys(value)) {
    if (countKey.length === 0 || countKey.length > 200) {
      throw new SccacheStatsError(
        `${name} has a key of ${countKey.length} characters (1 to 200 allowed)`
      );
    }
    const count2 = value[countKey];
    if (typeof count2 !== "number" || !Number.isSafeInteger(count2) || count2 < 0) {
      throw new SccacheStatsError(
        `${name} must be an object of counts: "${countKey}" is ${describeValue(
          count2
        )}`
      );
    }
    counts[countKey] = count2;
  }
  return counts;
}
function readPerLanguageCounts(stats, key) {
  const value = stats[key];
  if (!isJsonObject(value)) {
    throw new SccacheStatsError(
      `stats.${key} must be an object with "counts" (got ${describeValue(
        value
      )})`
    );
  }
  return readCounts(value, "counts", `stats.${key}`);
}
function readSeconds(object2, key, parent) {
  const name = fieldName(parent, key);
  const value = object2[key];
  if (!isJsonObject(value)) {
    throw new SccacheStatsError(
      `${name} must be a duration {secs, nanos} (got ${describeValue(value)})`
    );
  }
  const secs = readCount(value, "secs", name);
  const nanos = readCount(value, "nanos", name);
  if (nanos >= 1e9) {
    throw new SccacheStatsError(
      `${name}.nanos must be below 1000000000 (got ${nanos})`
    );
  }
  return secs + nanos / 1e9;
}
function optional2(object2, key, read, parent) {
  return object2[key] === void 0 ? void 0 : read(object2, key, parent);
}
function readMultiLevel(value) {
  if (value === void 0 || value === null) return null;
  const levels = isJsonObject(value) ? value.levels : value;
  if (!Array.isArray(levels)) {
    throw new SccacheStatsError(
      `stats.multi_level must be null or an array of levels (got ${describeValue(
        value
      )})`
    );
  }
  if (levels.length > 32) {
    throw new SccacheStatsError(
      `stats.multi_level has ${levels.length} levels (at most 32 supported)`
    );
  }
  return levels.map((level, index) => {
    const path = `stats.multi_level[${index}]`;
    if (!isJsonObject(level)) {
      throw new SccacheStatsError(
        `${path} must be an object (got ${describeValue(level)})`
      );
    }
    const { name, location } = level;
    if (typeof name !== "string") {
      throw new SccacheStatsError(
        `${path}.name must be a string (got ${describeValue(name)})`
      );
    }
    if (location !== void 0 && typeof location !== "string") {
      throw new SccacheStatsError(
        `${path}.location must be a string (got ${describeValue(location)})`
      );
    }
    const parsed = parseCacheLocation(location ?? "");
    const entry = {
      name: clip(name, 500),
      location: clip(redactCredentials(location ?? ""), 2e3),
      backend: parsed.backend,
      bucket: parsed.bucket,
      prefix: parsed.prefix,
      path: parsed.path,
      hits: readCount(level, "hits", path),
      misses: readCount(level, "misses", path),
      writes: readCount(level, "writes", path),
      writeFailures: readCount(level, "write_failures", path),
      backfillsFrom: optional2(level, "backfills_from", readCount, path),
      backfillsTo: optional2(level, "backfills_to", readCount, path),
      hitSeconds: optional2(level, "hit_duration", readSeconds, path),
      writeSeconds: optional2(level, "write_duration", readSeconds, path)
    };
    return Object.fromEntries(
      Object.entries(entry).filter(([, v]) => v !== void 0)
    );
  });
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string4, ptr) {
  let lines = string4.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string4, line, column) {
  let lines = string4.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex3 = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex3 >= 48 && hex3 <= 57 ? hex3 - 48 : (
              /* A-F */
              hex3 >= 65 && hex3 <= 70 ? hex3 - 65 + 10 : (
                /* a-f */
                hex3 >= 97 && hex3 <= 102 ? hex3 - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date5, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date5 === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date5.slice(11, 13) > 23) {
              date5 = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date5 += "Z";
            } else if ((c = date5.charCodeAt(date5.length - 1)) !== 90 && c !== 122) {
              offset = date5.slice(date5.length - 6);
            }
            if (unsafeDelim)
              date5 = date5.slice(0, 10) + "T" + date5.slice(11);
          } else if (fasttype === 4) {
            date5 = +date5.slice(0, 2) > 23 ? "" : `0000-01-01T${date5}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date5.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date5 = `0000-01-01T${date5}`;
          }
          hasTime = !!match[2];
          hasTime && date5[10] === " " && (date5 = date5.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date5 = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date5 += "Z";
          }
        } else {
          date5 = "";
        }
      }
    }
    super(date5);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date5 = new _TomlDate(jsDate);
    date5.#offset = offset;
    return date5;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date5 = new _TomlDate(jsDate);
    date5.#offset = null;
    return date5;
  }
  static wrapAsLocalDate(jsDate) {
    let date5 = new _TomlDate(jsDate);
    date5.#hasTime = false;
    date5.#offset = null;
    return date5;
  }
  static wrapAsLocalTime(jsDate) {
    let date5 = new _TomlDate(jsDate);
    date5.#hasDate = false;
    date5.#offset = null;
    return date5;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date5 = new TomlDate(str, type, unsafeDelim);
    if (!date5.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date5;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn2 = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn2 ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn2 = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn2 && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn2) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta3, type) {
  let t = table;
  let m = meta3;
  let k;
  let hasOwn2 = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn2 ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn2 = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn2) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn2 ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn2) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse3(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta3 = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta3;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta3,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// plugins/rust-build-cache-common/src/util/toml.ts
function parseTomlDocument(text3) {
  try {
    return { ok: true, document: parse3(text3) };
  } catch (error2) {
    if (!(error2 instanceof Error)) throw error2;
    const reason = error2.message.split("\n")[0].replace(/^Invalid TOML document: /, "");
    const where = error2 instanceof TomlError ? ` (line ${error2.line}, column ${error2.column})` : "";
    return { ok: false, problem: `not valid TOML: ${reason}${where}` };
  }
}

// plugins/rust-build-cache-common/src/toolchain/parseToolchainFile.ts
var ToolchainFileError = class extends Error {
  constructor(file2, problem) {
    super(`${file2}: ${problem}`);
    this.file = file2;
    this.name = "ToolchainFileError";
  }
  file;
};
var PROFILES = ["minimal", "default", "complete"];
var TOOLCHAIN_NAME = /^[\x21-\x7e]+$/;
function parseToolchainFile(file2, content) {
  const lines = rustLines(content);
  if (lines.length === 0)
    throw new ToolchainFileError(file2, "the file is empty");
  if (file2 === "rust-toolchain" && lines.length === 1) {
    const channel = lines[0].trim();
    if (!channel) throw new ToolchainFileError(file2, "the file is empty");
    return {
      file: file2,
      channel: checkName(file2, "the toolchain name", channel),
      path: null,
      components: [],
      targets: [],
      profile: null
    };
  }
  return parseTomlToolchain(file2, content);
}
function selectToolchainFile(files) {
  const legacy = files["rust-toolchain"];
  if (legacy !== void 0 && legacy !== null)
    return parseToolchainFile("rust-toolchain", legacy);
  const toml = files["rust-toolchain.toml"];
  if (toml !== void 0 && toml !== null)
    return parseToolchainFile("rust-toolchain.toml", toml);
  return null;
}
var CHANNEL = /^(?:(stable|beta|nightly)|(\d+\.\d+)(\.\d+)?)(?:-(\d{4}-\d{2}-\d{2}))?(?:-[a-z0-9_]+(?:-[a-z0-9_.]+){1,3})?$/;
function classifyChannel(name) {
  const match = CHANNEL.exec(name);
  if (!match) return { kind: "custom", name };
  const [, named, minor, patch, date5] = match;
  if (named) {
    const channel = named;
    return date5 ? { kind: "dated", channel, date: date5 } : { kind: "floating", channel };
  }
  return patch ? { kind: "release", version: `${minor}${patch}` } : { kind: "minor", version: minor };
}
function isExactToolchainPin(channel) {
  if (channel === null) return false;
  const pin = classifyChannel(channel);
  return pin.kind === "release" || pin.kind === "dated";
}
function parseTomlToolchain(file2, content) {
  const parsed = parseTomlDocument(content);
  if (!parsed.ok) throw new ToolchainFileError(file2, parsed.problem);
  const toolchain = parsed.document.toolchain;
  if (toolchain === void 0)
    throw new ToolchainFileError(file2, "the [toolchain] table is missing");
  if (!isJsonObject(toolchain))
    throw new ToolchainFileError(file2, "toolchain must be a table");
  const channel = readOptionalString(file2, toolchain, "channel");
  const path = readOptionalString(file2, toolchain, "path");
  const components = readStringList(file2, toolchain, "components");
  const targets = readStringList(file2, toolchain, "targets");
  const profile = readOptionalString(file2, toolchain, "profile");
  if (channel === null && path === null && components === null && targets === null && profile === null) {
    throw new ToolchainFileError(
      file2,
      "[toolchain] needs at least one of channel, path, components, targets, profile"
    );
  }
  if (channel !== null && path !== null) {
    throw new ToolchainFileError(
      file2,
      `cannot set both channel ("${channel}") and path ("${path}")`
    );
  }
  if (profile !== null && !PROFILES.includes(profile)) {
    throw new ToolchainFileError(
      file2,
      `toolchain.profile must be one of ${PROFILES.join(
        ", "
      )} (got "${profile}")`
    );
  }
  return {
    file: file2,
    channel: channel === null ? null : checkName(file2, "toolchain.channel", channel),
    path: path === null ? null : clip(path, 2e3),
    components: components ?? [],
    targets: targets ?? [],
    profile
  };
}
function readOptionalString(file2, table, key) {
  const value = table[key];
  if (value === void 0) return null;
  if (typeof value !== "string" || value.length === 0) {
    throw new ToolchainFileError(
      file2,
      `toolchain.${key} must be a non-empty string (got ${describeValue(
        value
      )})`
    );
  }
  return value;
}
function readStringList(file2, table, key) {
  const value = table[key];
  if (value === void 0) return null;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && TOOLCHAIN_NAME.test(item))) {
    throw new ToolchainFileError(
      file2,
      `toolchain.${key} must be a list of names (got ${describeValue(value)})`
    );
  }
  if (value.length > 100)
    throw new ToolchainFileError(
      file2,
      `toolchain.${key} lists ${value.length} names (at most 100)`
    );
  return value.map((item) => clip(item, 200));
}
function checkName(file2, what, name) {
  if (!TOOLCHAIN_NAME.test(name) || name.length > 200) {
    throw new ToolchainFileError(
      file2,
      `${what} must be a toolchain name without spaces (got ${describeValue(
        name
      )})`
    );
  }
  return name;
}
function rustLines(content) {
  const lines = content.split("\n").map((line) => line.replace(/\r$/, ""));
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// plugins/rust-build-cache-common/src/toolchain/parseRustcVersion.ts
var RustcVersionError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RustcVersionError";
  }
};
var FIRST_LINE = /^rustc \S+/;
function parseRustcVersion(output2) {
  const lines = output2.split(/\r?\n/).map((line) => line.trim());
  const start = lines.findIndex((line) => FIRST_LINE.test(line));
  if (start < 0) {
    throw new RustcVersionError(
      'no line starting with "rustc <version>": expected the output of `rustc -vV`'
    );
  }
  const version2 = lines[start];
  const fields = /* @__PURE__ */ new Map();
  for (const line of lines.slice(start + 1)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const known = (key, max) => {
    const value = fields.get(key);
    return value && value !== "unknown" ? clip(value, max) : null;
  };
  const commitDate = known("commit-date", 40);
  if (commitDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(commitDate)) {
    throw new RustcVersionError(
      `commit-date must be YYYY-MM-DD (got "${commitDate}")`
    );
  }
  return {
    // `release:` is only printed with -v; the first line has the same version.
    release: known("release", 100) ?? clip(version2.split(" ")[1], 100),
    version: clip(version2, 300),
    commitHash: known("commit-hash", 100),
    commitDate,
    host: known("host", 200)
  };
}
function toolchainMatchesRustc(file2, rustc) {
  if (file2 === null) {
    return {
      status: "unpinned",
      detail: "No rust-toolchain file: CI builds with whatever default toolchain the runner has."
    };
  }
  if (file2.path !== null) {
    return {
      status: "unknown",
      detail: `${file2.file} selects the local toolchain at ${file2.path}, which cannot be compared.`
    };
  }
  if (file2.channel === null) {
    return {
      status: "unpinned",
      detail: `${file2.file} sets no channel: CI builds with the runner's default toolchain.`
    };
  }
  const channel = file2.channel;
  if (rustc === null) {
    return {
      status: "unknown",
      detail: `${file2.file} pins ${channel}, but the report has no \`rustc -vV\` to compare with.`
    };
  }
  const used = `CI used rustc ${rustc.release}${rustc.commitDate ? ` (${rustc.commitDate})` : ""}`;
  const pin = classifyChannel(channel);
  switch (pin.kind) {
    case "release":
      return rustc.release === pin.version ? { status: "match", detail: `${file2.file} pins ${channel}; ${used}.` } : {
        status: "mismatch",
        detail: `${file2.file} pins ${channel}, but ${used}.`
      };
    case "minor":
      return releaseChannel(rustc.release) === "stable" && rustc.release.startsWith(`${pin.version}.`) ? {
        status: "floating",
        detail: `${file2.file} asks for ${channel}, which moves to each new ${pin.version}.x patch release; ${used}.`
      } : {
        status: "mismatch",
        detail: `${file2.file} asks for ${channel}, but ${used}.`
      };
    case "floating":
      return releaseChannel(rustc.release) === pin.channel ? {
        status: "floating",
        detail: `${file2.file} follows ${channel}: each new ${channel} release changes rustc, and every sccache key with it; ${used}.`
      } : {
        status: "mismatch",
        detail: `${file2.file} follows ${channel}, but ${used}.`
      };
    case "dated":
      return compareDated(
        file2.file,
        channel,
        pin.channel,
        pin.date,
        rustc,
        used
      );
    default:
      return {
        status: "unknown",
        detail: `${file2.file} names the custom toolchain ${channel}, which cannot be compared; ${used}.`
      };
  }
}
function compareDated(fileName2, channel, expected, date5, rustc, used) {
  if (releaseChannel(rustc.release) !== expected || rustc.commitDate === null) {
    return {
      status: rustc.commitDate === null ? "unknown" : "mismatch",
      detail: `${fileName2} pins ${channel}, but ${used}.`
    };
  }
  const daysBefore = daysBetween(rustc.commitDate, date5);
  if (daysBefore < 0) {
    return {
      status: "mismatch",
      detail: `${fileName2} pins ${channel}, but ${used}, a later compiler.`
    };
  }
  if (expected !== "nightly") {
    return {
      status: "unknown",
      detail: `${fileName2} pins ${channel}; ${used}, which \`rustc -vV\` cannot tie to that date.`
    };
  }
  return daysBefore <= 1 ? {
    status: "match",
    detail: `${fileName2} pins ${channel}; ${used}, the commit that nightly is built from.`
  } : {
    status: "mismatch",
    detail: `${fileName2} pins ${channel}, but ${used}, an older nightly.`
  };
}
function releaseChannel(release) {
  const suffix = /^\d+\.\d+\.\d+(?:-([a-z]+))?/.exec(release)?.[1];
  return suffix ?? "stable";
}
function daysBetween(from, to) {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5
  );
}

// plugins/rust-build-cache-common/src/cargo/readCanonicalCargoLock.ts
var PLAIN_STRING = '"([^"\\\\\\u0000-\\u0008\\u000a-\\u001f\\u007f]*)"';
var KEY_LINE = new RegExp(`^([a-z][a-z0-9_-]*) = ${PLAIN_STRING}$`);
var CHECKSUM_LINE = new RegExp(
  `^"(checksum [^"\\\\\\u0000-\\u0008\\u000a-\\u001f\\u007f]*)" = ${PLAIN_STRING}$`
);
var DEPENDENCY_LINE = new RegExp(`^ ${PLAIN_STRING},$`);
var VERSION_LINE = /^version = ([1-9][0-9]{0,8})$/;
var COMMENT_LINE = /^#[^\u0000-\u0008\u000a-\u001f\u007f]*$/;
function readCanonicalCargoLock(text3) {
  const lock = { package: [] };
  let table;
  let inMetadata = false;
  let inDependencies = false;
  for (const rawLine of text3.split("\n")) {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (inDependencies) {
      if (line === "]") inDependencies = false;
      else if (!DEPENDENCY_LINE.test(line)) return void 0;
      continue;
    }
    if (line === "" || COMMENT_LINE.test(line)) continue;
    if (line === "[[package]]") {
      table = {};
      lock.package.push(table);
      inMetadata = false;
      continue;
    }
    if (line === "[metadata]") {
      if (lock.metadata) return void 0;
      lock.metadata = {};
      table = void 0;
      inMetadata = true;
      continue;
    }
    if (inMetadata) {
      const quoted = CHECKSUM_LINE.exec(line);
      if (!quoted || Object.hasOwn(lock.metadata, quoted[1])) return void 0;
      lock.metadata[quoted[1]] = quoted[2];
      continue;
    }
    if (!table) {
      const version2 = VERSION_LINE.exec(line);
      if (!version2 || lock.version !== void 0) return void 0;
      lock.version = Number(version2[1]);
      continue;
    }
    if (line === "dependencies = [") {
      if (Object.hasOwn(table, "dependencies")) return void 0;
      table.dependencies = "";
      inDependencies = true;
      continue;
    }
    const pair = KEY_LINE.exec(line);
    if (!pair || Object.hasOwn(table, pair[1])) return void 0;
    table[pair[1]] = pair[2];
  }
  if (inDependencies) return void 0;
  for (const entry of lock.package) {
    delete entry.dependencies;
  }
  return lock;
}

// plugins/rust-build-cache-common/src/cargo/analyzeCargoLock.ts
var CargoLockError = class extends Error {
  constructor(problem) {
    super(`Cargo.lock: ${problem}`);
    this.name = "CargoLockError";
  }
};
function analyzeCargoLock(content) {
  const lock = readCanonicalCargoLock(content) ?? parseLock(content);
  const packages = lock.package ?? [];
  if (!Array.isArray(packages))
    throw new CargoLockError(
      '"package" must be an array of [[package]] tables'
    );
  const v1Checksums = readV1Checksums(lock.metadata);
  const counts = { registry: 0, git: 0, path: 0 };
  const tuples = [];
  packages.forEach((entry, index) => {
    const { name, version: version2, source, checksum } = readPackage(entry, index);
    if (source === null) {
      counts.path++;
      return;
    }
    if (source.startsWith("git+")) counts.git++;
    else counts.registry++;
    const v1Checksum = v1Checksums.get(`${name} ${version2} (${source})`);
    tuples.push([
      name,
      version2,
      canonicalSource(source),
      checksum ?? v1Checksum ?? null
    ]);
  });
  tuples.sort(compareTuples);
  return {
    lockVersion: readLockVersion(lock.version, v1Checksums.size > 0),
    fingerprint: sha256Hex(JSON.stringify(tuples)),
    packages: counts
  };
}
function parseLock(content) {
  const parsed = parseTomlDocument(content);
  if (!parsed.ok) throw new CargoLockError(parsed.problem);
  return parsed.document;
}
function readPackage(entry, index) {
  const where = `[[package]] #${index + 1}`;
  if (!isJsonObject(entry))
    throw new CargoLockError(`${where} must be a table`);
  const { name, version: version2, source, checksum } = entry;
  if (typeof name !== "string" || !name) {
    throw new CargoLockError(
      `${where} has no name (got ${describeValue(name)})`
    );
  }
  const named = `${where} ("${name}")`;
  if (typeof version2 !== "string" || !version2) {
    throw new CargoLockError(
      `${named} has no version (got ${describeValue(version2)})`
    );
  }
  if (source !== void 0 && typeof source !== "string") {
    throw new CargoLockError(
      `${named} has a source that is not a string (got ${describeValue(
        source
      )})`
    );
  }
  if (checksum !== void 0 && typeof checksum !== "string") {
    throw new CargoLockError(
      `${named} has a checksum that is not a string (got ${describeValue(
        checksum
      )})`
    );
  }
  return { name, version: version2, source: source ?? null, checksum: checksum ?? null };
}
function readV1Checksums(metadata) {
  const checksums = /* @__PURE__ */ new Map();
  if (metadata === void 0) return checksums;
  if (!isJsonObject(metadata))
    throw new CargoLockError("[metadata] must be a table");
  for (const [key, value] of Object.entries(metadata)) {
    if (!key.startsWith("checksum ")) continue;
    if (typeof value !== "string") {
      throw new CargoLockError(
        `[metadata] "${key}" must be a string (got ${describeValue(value)})`
      );
    }
    if (value !== "<none>") checksums.set(key.slice("checksum ".length), value);
  }
  return checksums;
}
function readLockVersion(version2, hasV1Checksums) {
  if (version2 === void 0) return hasV1Checksums ? 1 : 2;
  if (typeof version2 !== "number" || !Number.isInteger(version2) || version2 < 1 || version2 > 4) {
    throw new CargoLockError(
      `version must be 1, 2, 3 or 4 (got ${describeValue(version2)})`
    );
  }
  return version2;
}
function canonicalSource(source) {
  if (!source.startsWith("git+")) return source;
  const hash2 = source.indexOf("#");
  if (hash2 < 0) return source;
  const url2 = source.slice(0, hash2).split("?")[0];
  return `${url2}#${source.slice(hash2 + 1)}`;
}
function compareTuples(a, b) {
  for (let i = 0; i < a.length; i++) {
    const left = a[i] ?? "";
    const right = b[i] ?? "";
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

// plugins/rust-build-cache-common/src/cargo/parseCargoProfiles.ts
var CargoManifestError = class extends Error {
  constructor(problem) {
    super(`Cargo.toml: ${problem}`);
    this.name = "CargoManifestError";
  }
};
function parseCargoProfiles(cargoToml) {
  const parsed = parseTomlDocument(cargoToml);
  if (!parsed.ok) throw new CargoManifestError(parsed.problem);
  const profiles = parsed.document.profile;
  if (profiles === void 0) return {};
  if (!isJsonObject(profiles))
    throw new CargoManifestError(
      "profile must be a table of [profile.<name>] tables"
    );
  const result = {};
  for (const [name, table] of Object.entries(profiles)) {
    if (!isJsonObject(table))
      throw new CargoManifestError(`profile.${name} must be a table`);
    if (name.length > 100)
      throw new CargoManifestError(
        `profile name "${name.slice(0, 20)}\u2026" is longer than 100 characters`
      );
    result[name] = readProfile(name, table);
  }
  return result;
}
function readProfile(name, table) {
  const read = (key, expected, accept) => {
    const value = table[key];
    if (value === void 0) return null;
    const accepted = accept(value);
    if (accepted === void 0) {
      throw new CargoManifestError(
        `profile.${name}.${key} must be ${expected} (got ${describeValue(
          value
        )})`
      );
    }
    return accepted;
  };
  return {
    incremental: read(
      "incremental",
      "true or false",
      (value) => typeof value === "boolean" ? value : void 0
    ),
    codegenUnits: read(
      "codegen-units",
      "a positive integer",
      (value) => isInteger(value) && value > 0 ? value : void 0
    ),
    // true/false, 0–2, or "none", "line-directives-only", "line-tables-only", "limited", "full"
    debug: read(
      "debug",
      "a boolean, an integer or a level name",
      (value) => typeof value === "boolean" || isInteger(value) || isText(value, 50) ? value : void 0
    ),
    // true/false, or "fat", "thin", "off"
    lto: read(
      "lto",
      "a boolean or a name",
      (value) => typeof value === "boolean" || isText(value, 50) ? value : void 0
    ),
    // 0–3, or "s", "z"
    optLevel: read(
      "opt-level",
      'an integer or "s"/"z"',
      (value) => isInteger(value) || isText(value, 10) ? value : void 0
    )
  };
}
function isInteger(value) {
  return typeof value === "number" && Number.isInteger(value);
}
function isText(value, maxLength) {
  return typeof value === "string" && value.length > 0 && value.length <= maxLength;
}

// plugins/rust-build-cache-common/src/cargo/parseCargoTimings.ts
var CargoTimingsError = class extends Error {
  constructor(problem) {
    super(`cargo timings: ${problem}`);
    this.name = "CargoTimingsError";
  }
};
var UNIT_DATA = /\bUNIT_DATA\s*=\s*\[/;
function parseCargoTimingsHtml(html, slowestN = 10) {
  if (!Number.isInteger(slowestN) || slowestN < 0 || slowestN > 100) {
    throw new RangeError(
      `slowestN must be an integer from 0 to 100 (got ${slowestN})`
    );
  }
  const units = readUnitData(html).map(readUnit);
  const totalSeconds = units.reduce(
    (latest, unit) => Math.max(latest, unit.start + unit.duration),
    0
  );
  const slowest = [...units].sort((a, b) => b.duration - a.duration).slice(0, slowestN).map(
    ({ start: _start, duration: duration3, ...unit }) => ({
      ...unit,
      seconds: duration3
    })
  );
  return {
    totalSeconds: Math.round(totalSeconds * 1e3) / 1e3,
    unitCount: units.length,
    slowest
  };
}
function readUnitData(html) {
  const found = UNIT_DATA.exec(html);
  if (!found)
    throw new CargoTimingsError(
      "no UNIT_DATA in the HTML: is this the cargo-timing.html of `cargo build --timings`?"
    );
  const start = found.index + found[0].length - 1;
  const end = findClosingBracket(html, start);
  if (end < 0)
    throw new CargoTimingsError("UNIT_DATA is not a complete JSON array");
  try {
    return JSON.parse(html.slice(start, end + 1));
  } catch (error2) {
    const reason = error2 instanceof Error ? error2.message : String(error2);
    throw new CargoTimingsError(`UNIT_DATA is not valid JSON: ${reason}`);
  }
}
function findClosingBracket(text3, open2) {
  let depth = 0;
  let inString = false;
  for (let i = open2; i < text3.length; i++) {
    const char = text3[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "[" || char === "{") {
      depth++;
    } else if (char === "]" || char === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
function readUnit(entry, index) {
  const where = `UNIT_DATA[${index}]`;
  if (!isJsonObject(entry))
    throw new CargoTimingsError(
      `${where} must be an object (got ${describeValue(entry)})`
    );
  const text3 = (key) => {
    const value = entry[key];
    if (typeof value !== "string")
      throw new CargoTimingsError(
        `${where}.${key} must be a string (got ${describeValue(value)})`
      );
    return value;
  };
  const seconds2 = (key) => {
    const value = entry[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new CargoTimingsError(
        `${where}.${key} must be a number of seconds (got ${describeValue(
          value
        )})`
      );
    }
    return value;
  };
  return {
    name: clip(text3("name"), 300),
    version: clip(text3("version"), 100),
    target: clip(text3("target").trim() || "lib", 300),
    mode: clip(text3("mode"), 50),
    start: seconds2("start"),
    duration: seconds2("duration")
  };
}

// plugins/rust-build-cache-common/src/build/collectBuildEnv.ts
var MAX_NAMES = 500;
function collectBuildEnv(env) {
  const names = Object.keys(env).filter((name) => env[name] !== void 0).sort();
  const namesWithPrefix = (prefix) => names.filter((name) => name.startsWith(prefix)).slice(0, MAX_NAMES).map((name) => clip(name, 200));
  return {
    // Cargo treats an empty RUSTC_WRAPPER as no wrapper.
    rustcWrapper: nonEmpty(env.RUSTC_WRAPPER, 500),
    cargoIncremental: nonEmpty(env.CARGO_INCREMENTAL, 50),
    rustflags: rustflagsOf(env),
    cargoVarNames: namesWithPrefix("CARGO_"),
    sccacheVarNames: namesWithPrefix("SCCACHE_"),
    sccacheCacheSize: nonEmpty(env.SCCACHE_CACHE_SIZE, 50)
  };
}
function rustflagsOf(env) {
  const flags = effectiveRustflags(env);
  return flags === null ? { set: false, sha256: null } : { set: true, sha256: sha256Hex(flags.join("")) };
}
function effectiveRustflags(env) {
  const encoded = env.CARGO_ENCODED_RUSTFLAGS;
  if (encoded !== void 0) return encoded === "" ? [] : encoded.split("");
  const plain = env.RUSTFLAGS;
  if (plain === void 0) return null;
  return plain.split(" ").map((flag) => flag.trim()).filter((flag) => flag !== "");
}
function nonEmpty(value, max) {
  return value ? clip(value, max) : null;
}

// plugins/rust-build-cache-common/src/metrics/cacheFailures.ts
var SERVER_LOG = "the sccache server log (start the server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file>)";
var CACHE_FAILURE_KINDS = Object.freeze({
  timeouts: {
    kind: "timeouts",
    label: "Cache timeouts",
    meaning: "The cache did not answer a lookup within 60 seconds (a fixed limit in sccache), so the crate was compiled as a miss.",
    fix: "Check the remote backend's latency from the runners (region, endpoint, proxy) and its load; a slow cache can cost more than it saves.",
    cacheFault: true
  },
  readErrors: {
    kind: "readErrors",
    label: "Read errors",
    meaning: "Cache entries that could not be read: the backend failed on the read, or the entry was corrupt (its zip CRC-32 or zstd data did not check out). Each was counted as a miss, compiled again and written again.",
    fix: `Look for "Cache read error" in ${SERVER_LOG}; for a remote backend check its credentials, endpoint and network; a corrupt local cache can be emptied (delete SCCACHE_DIR).`,
    cacheFault: true
  },
  writeErrors: {
    kind: "writeErrors",
    label: "Write errors",
    meaning: "Compile results that could not be stored, so the next run misses on them. From sccache 0.8 on, every write to a cache set to read-only (an SCCACHE_*_RW_MODE=READ_ONLY variable) counts here.",
    fix: `If the cache is read-only on purpose, expect one per miss; otherwise check free space and permissions of SCCACHE_DIR, or the remote backend's credentials and quota, in ${SERVER_LOG}.`,
    cacheFault: true
  },
  errorsBeforeLookup: {
    kind: "errorsBeforeLookup",
    label: "Errors before the lookup",
    meaning: "Cache errors without a miss: the compiler failed while sccache computed the cache key (rustc's dependency pass or the C preprocessor), e.g. on a syntax error or a missing header, or sccache failed on the request. The cache was not used: this is no cache fault.",
    fix: `Fix the compile error the build log shows; if the build succeeded, read ${SERVER_LOG}.`,
    cacheFault: false
  }
});
function cacheFailures(stats) {
  const { counters } = stats;
  const errors = sumCounts(counters.errors);
  const hits = sumCounts(counters.hits);
  const misses = sumCounts(counters.misses);
  const notCachedCompiles = counters.compilations === null ? 0 : counters.nonCacheableCompilations;
  const unexplained = counters.requestsExecuted - hits - misses - counters.compileFails - notCachedCompiles;
  const errorsBeforeLookup = Math.min(errors, Math.max(0, unexplained));
  const levelWriteFailures = (stats.multiLevel ?? []).reduce(
    (total, level) => total + level.writeFailures,
    0
  );
  return {
    timeouts: counters.cacheTimeouts,
    readErrors: errors - errorsBeforeLookup + (counters.cacheReadErrors ?? 0),
    writeErrors: Math.max(counters.cacheWriteErrors, levelWriteFailures),
    writeErrorsCounted: countsWriteErrors(stats.version),
    errorsBeforeLookup
  };
}
function countsWriteErrors(version2) {
  const match = version2 === null ? null : /^(\d+)\.(\d+)/.exec(version2);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 0 || minor >= 6;
}

// plugins/rust-build-cache-common/src/metrics/cacheLevels.ts
function cacheLevelMetrics(stats) {
  if (!stats.multiLevel) return null;
  const countsRecorded = levelCountsRecorded(stats);
  return stats.multiLevel.map((level) => {
    const parsed = level.backend === void 0 ? parseCacheLocation(level.location) : null;
    const lookups = level.hits + level.misses;
    return {
      name: level.name,
      backend: parsed?.backend ?? level.backend ?? "unknown",
      location: level.location,
      bucket: parsed?.bucket ?? level.bucket ?? null,
      prefix: parsed?.prefix ?? level.prefix ?? null,
      path: parsed?.path ?? level.path ?? null,
      hits: level.hits,
      misses: level.misses,
      hitRate: lookups === 0 || !countsRecorded ? null : level.hits / lookups,
      countsRecorded,
      writes: level.writes,
      writeFailures: level.writeFailures,
      backfillsFrom: level.backfillsFrom ?? null,
      backfillsTo: level.backfillsTo ?? null
    };
  });
}
function levelCountsRecorded(stats) {
  const levels = stats.multiLevel ?? [];
  const levelLookups = levels.reduce(
    (total, level) => total + level.hits + level.misses,
    0
  );
  const runLookups = sumCounts(stats.counters.hits) + sumCounts(stats.counters.misses);
  return levelLookups > 0 || runLookups === 0;
}

// plugins/rust-build-cache-common/src/metrics/compileRequests.ts
function countCompileRequests(counters) {
  const outcomes = counters.requestsExecuted + counters.requestsNotCacheable + counters.requestsNotCompile + counters.requestsUnsupportedCompiler;
  if (counters.compileRequests === 0 && counters.requestsExecuted > 0) {
    return { requests: outcomes, clientSideMode: true };
  }
  return { requests: counters.compileRequests, clientSideMode: false };
}

// plugins/rust-build-cache-common/src/metrics/cFamilyReasons.ts
function cReasons(reasons, text3) {
  return reasons.map((reason) => ({
    reason,
    cause: text3.cause,
    fix: text3.fix,
    compiler: "c-family",
    neverCacheable: text3.neverCacheable ?? false,
    cargoProbe: false
  }));
}
var KEEP_OUT = "Leave the option out of the CI builds that should be cached; builds that need it are compiled without the cache.";
var C_FAMILY_REASONS = [
  ...cReasons(["-E", "-P", "--preprocess"], {
    cause: "A C or C++ compiler call that only preprocesses (`-E`, or `-P`/`--preprocess` of some compilers), e.g. a build script or the `cc` crate probing the compiler through sccache.",
    fix: "Nothing to fix: preprocessing alone produces no object to cache.",
    neverCacheable: true
  }),
  ...cReasons(["-M", "-MM"], {
    cause: "A C or C++ compiler call that only prints make dependency rules (`-M` or `-MM` without `-MD`/`-MMD`), so it produces no object file.",
    fix: "Nothing to fix: the call compiles nothing. (`-MD` and `-MMD` next to a real compile are cached.)",
    neverCacheable: true
  }),
  ...cReasons(["-fsyntax-only"], {
    cause: "A C or C++ compiler call that only checks syntax (`-fsyntax-only`) and writes no object file.",
    fix: "Nothing to fix: there is no object to cache.",
    neverCacheable: true
  }),
  ...cReasons(["-##", "-###", "-n", "--dry-run", "-V", "-VV"], {
    cause: "A compiler call that only prints what it would run or its version (Wind River Diab `-##`/`-###`/`-V`/`-VV`, TASKING `-n`/`--dry-run`).",
    fix: "Nothing to fix: the call compiles nothing.",
    neverCacheable: true
  }),
  ...cReasons(["no input file"], {
    cause: "A C or C++ compile call (`-c`) without a source file, usually a tool probing the compiler.",
    fix: "Nothing to fix: with no source there is nothing to cache.",
    neverCacheable: true
  }),
  ...cReasons(["-"], {
    cause: "A C or C++ compiler read its source from standard input (`-`); sccache cannot hash what arrives on standard input. Tools that test the compiler pipe small snippets this way.",
    fix: "Nothing to fix for such probes. Code that should be cached has to be compiled from a file.",
    neverCacheable: true
  }),
  ...cReasons(["multiple input files"], {
    cause: "A C or C++ compiler call named several source files (e.g. `cc -c a.c b.c`); sccache caches calls with one source file.",
    fix: "Compile one source file per call (the `cc` crate already does); change the build script or makefile that passes several."
  }),
  ...cReasons(["argument parse"], {
    cause: "sccache could not parse the C or C++ compiler command line: an option was missing its value or had one sccache cannot read.",
    fix: "Upgrade sccache. If the reason stays, start the sccache server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file> to find the argument, and report it to sccache."
  }),
  ...cReasons(["unknown source language"], {
    cause: "A C or C++ compiler call whose source file extension sccache does not map to a language it caches.",
    fix: "Nothing to fix unless the file is C, C++, CUDA or assembly under an unusual extension: then rename it or pass `-x <language>`."
  }),
  ...cReasons(["-x"], {
    cause: "The call set the source language with `-x` to a value sccache does not cache (current versions cache c, c++, objective-c(++), their headers, assembler, cuda and hip).",
    fix: "Use one of those `-x` values, or leave `-x` out and let the file extension tell the language."
  }),
  ...cReasons(["@", "-@", "--option-file", "-f"], {
    cause: "The call read more arguments from a response file (`@file`, Diab `-@`, TASKING `--option-file`/`-f`) that sccache could not expand: the file was missing or unreadable where the compiler ran, it was glued to another option (e.g. `-include@file`), or, before sccache 0.17, the gcc/clang response file contained quotes.",
    fix: "Pass the arguments on the command line, or, with gcc or clang, upgrade to sccache 0.17 or later and make sure the response file exists relative to the working directory."
  }),
  ...cReasons(
    [
      "--save-temps",
      "--save-temps=cwd",
      "--save-temps=obj",
      "-save-temps",
      "-save-temps=cwd",
      "-save-temps=obj"
    ],
    {
      cause: "`-save-temps` keeps the intermediate files (preprocessed source, assembly) next to the object; sccache cannot restore them from a cache entry.",
      fix: KEEP_OUT
    }
  ),
  ...cReasons(
    [
      "-fprofile-use",
      "-fno-profile-use",
      "-fno-profile-generate",
      "-fno-profile-instr-generate",
      "-fno-profile-instr-use"
    ],
    {
      cause: "A profile-guided optimisation option whose profile data sccache cannot take into its key.",
      fix: KEEP_OUT
    }
  ),
  ...cReasons(
    [
      "-fmodules",
      "-fcxx-modules",
      "-fmodules-ts",
      "-fprebuilt-implicit-modules",
      "-fprebuilt-module-path",
      "unknown module output format",
      "-experimental:module",
      "-interface",
      "-internalPartition",
      "-ifcOnly",
      "-ifcOutput",
      "-ifcSearchDir",
      "-ifcMap",
      "-reference",
      "-stdIfcDir"
    ],
    {
      cause: "A compile that builds or reads C++ modules (clang/GCC `-fmodules\u2026`, MSVC `/interface`, `/reference`, `/ifc\u2026`): sccache does not cache module compiles.",
      fix: "These compiles stay uncached while the code uses C++ modules; nothing in the sccache setup changes that."
    }
  ),
  ...cReasons(
    ["multiple different -arch, and SCCACHE_CACHE_MULTIARCH not set"],
    {
      cause: "A clang call for several architectures at once (more than one distinct `-arch`, e.g. a macOS universal build).",
      fix: "Set SCCACHE_CACHE_MULTIARCH=1 in the environment of the sccache server (sccache 0.5.1+), or compile one architecture per call."
    }
  ),
  ...cReasons(
    [
      "Can't handle Raw arguments with -Xclang",
      "Can't handle UnknownFlag arguments with -Xclang",
      "Can't handle complex arguments through clang"
    ],
    {
      cause: "The call passed an option through `-Xclang` (or clang-cl) that sccache cannot interpret.",
      fix: "Upgrade sccache; if the reason stays, drop that `-Xclang` option from the builds that should be cached."
    }
  ),
  ...cReasons(["-index-store-path"], {
    cause: "The call writes an index store (`-index-store-path`, Xcode's index-while-building), which sccache cannot restore.",
    fix: "Turn index-while-building off for CI builds (e.g. `COMPILER_INDEX_STORE_ENABLE=NO` in Xcode)."
  }),
  ...cReasons(["-frepo", "-fplugin=libcc1plugin"], {
    cause: "GCC `-frepo` (template repository files) or `-fplugin=libcc1plugin` (GDB compile plugin) make the compiler read or write files sccache does not track.",
    fix: KEEP_OUT
  }),
  ...cReasons(["-S"], {
    cause: "The call (Wind River Diab) compiles to assembly (`-S`) instead of an object file; sccache caches objects only.",
    fix: KEEP_OUT
  }),
  ...cReasons(["--mil-split"], {
    cause: "TASKING `--mil-split` splits the output into several files that sccache cannot track.",
    fix: KEEP_OUT
  }),
  ...cReasons(["shared pdb"], {
    cause: "An MSVC compile with `/Zi` or `/ZI` and no `/Fd`: its debug information goes into a PDB file shared by every compile of the directory, which sccache cannot cache.",
    fix: "Use `/Z7` (debug information inside each object file), or name a PDB per object with `/Fd`."
  }),
  ...cReasons(["-Yc", "-Fp"], {
    cause: "An MSVC compile that creates or names a precompiled header (`/Yc`, `/Fp`); sccache does not cache precompiled headers.",
    fix: "Build without precompiled headers in CI if these compiles should be cached."
  }),
  ...cReasons(["-FA", "-Fa", "-FR", "-Fr", "-Fi", "-Fx", "-doc"], {
    cause: "An MSVC option that writes an extra listing, browse, preprocessed, injected-code or XML documentation file (`/FA`, `/Fa`, `/FR`, `/Fr`, `/Fi`, `/Fx`, `/doc`) that sccache does not restore.",
    fix: KEEP_OUT
  }),
  ...cReasons(["-Fe", "-FU", "-Gm", "-FC"], {
    cause: "An MSVC option sccache cannot cache: `/Fe` (the name of an executable), `/FU` (forced `#using`), `/Gm` (minimal rebuild) or, in sccache before 0.4.0, `/FC`.",
    fix: "Compile with `/c` and link separately, and leave `/FU` and `/Gm` out of the CI builds that should be cached."
  }),
  ...cReasons(["output to nul"], {
    cause: "An MSVC compile that writes its object to `nul` (a syntax check or probe): there is no object to cache.",
    fix: "Nothing to fix: the object is thrown away.",
    neverCacheable: true
  }),
  ...cReasons(["invalid input file"], {
    cause: "An MSVC compile with `/Fo<directory>` whose source path has no file name to name the object after.",
    fix: "Pass the source as a file path, or name the object file with `/Fo<file>.obj`."
  }),
  ...cReasons(
    [
      "--time",
      "--time=",
      "-time",
      "-time=",
      "--fdevice-time-trace",
      "--fdevice-time-trace=",
      "-fdevice-time-trace",
      "-fdevice-time-trace="
    ],
    {
      cause: "An nvcc call that writes timing or trace files (`--time`, `--fdevice-time-trace`), which sccache cannot restore.",
      fix: KEEP_OUT
    }
  )
];

// plugins/rust-build-cache-common/src/metrics/rustReasons.ts
var THROUGH_CARGO = "Cargo always passes it, so the call comes from a tool or script that runs rustc directly: build through cargo, or add the argument in that script.";
var RUST_REASONS = [
  {
    reason: "-",
    cause: "rustc read its source from standard input. Cargo does this once per build for its target-info probe (`rustc - --crate-name ___ --print=file-names \u2026`).",
    fix: "Nothing to fix: this is a cargo probe, not a crate compile.",
    compiler: "rust",
    neverCacheable: true,
    cargoProbe: true
  },
  {
    reason: "missing input",
    cause: "The rustc call had no source file. Cargo's `rustc -vV` version queries land here, usually two per build.",
    fix: "Nothing to fix: these are cargo's own probes, not crate compiles.",
    compiler: "rust",
    neverCacheable: true,
    cargoProbe: true
  },
  {
    reason: "crate-type",
    cause: "The crate is a binary, a build script (also a binary), a proc-macro, a dylib or a cdylib. sccache caches only rlib and staticlib crates: the others are linked by the system linker, whose inputs sccache cannot see.",
    fix: "Nothing to fix: sccache never caches these crate types. For dylib and cdylib crates this is a known sccache limitation (sccache issue #1715).",
    compiler: "rust",
    neverCacheable: true,
    cargoProbe: false
  },
  {
    reason: "incremental",
    cause: "The crate was compiled with `-C incremental`, which sccache cannot cache (sccache issue #236). Cargo does this for workspace and path crates when the profile has incremental compilation on, as the dev profile has by default.",
    fix: "Set CARGO_INCREMENTAL=0 in CI (or `incremental = false` in the profile CI builds with). Expect one cold run after the change, because sccache hashes CARGO_* variables into its keys. Never set CARGO_INCREMENTAL=1 with sccache: sccache 0.5.1 to 0.10 exits with an error on every call when it is set, and 0.11 and later fail every compile request.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "-o",
    cause: "The call named its output file with `-o`; cargo uses `--out-dir` instead, so the call comes from a tool or script that runs rustc directly.",
    fix: "Build through cargo, or pass `--out-dir` instead of `-o` in the script that runs rustc.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "--sysroot",
    cause: "The call passed `--sysroot`, which sccache does not cache. It usually comes from RUSTFLAGS or from a tool that builds against its own standard library.",
    fix: "Remove `--sysroot` from RUSTFLAGS (or from the tool that adds it) for the CI builds that should be cached.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "--remap-path-prefix",
    cause: "Older sccache versions do not cache calls that pass `--remap-path-prefix`; current versions pass it on and cache them.",
    fix: "Upgrade sccache, or remove `--remap-path-prefix` from RUSTFLAGS for CI builds.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "argument parse",
    cause: "sccache could not parse the rustc command line: an argument was missing its value or had one sccache cannot read.",
    fix: "Upgrade sccache. If the reason stays, start the sccache server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file> to find the argument, and report it to sccache.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "more than one --emit",
    cause: "The rustc call passed `--emit` more than once.",
    fix: "Pass a single `--emit` with a comma-separated list, e.g. in `cargo rustc -- \u2026` arguments or in RUSTFLAGS.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "extra-filename",
    cause: "The call passed `-C extra-filename` without a value.",
    fix: "Remove `-C extra-filename` from RUSTFLAGS: cargo sets it itself.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "target unsure",
    cause: "sccache could not tell whether the `--target` value is a target name or the path of a target specification file.",
    fix: "Use a target name that rustc knows (`rustc --print target-list`), or the path of a `.json` target specification.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "target",
    cause: "sccache 0.4 (and other versions that print `target` rather than `target unsure`) caches only built-in target names: the `--target` value was the path of a target specification file, or sccache could not tell.",
    fix: "Use a built-in target name, or upgrade sccache: current versions cache builds for `.json` target specifications.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "multiple input files",
    cause: "sccache saw more than one source file on the command line. Older sccache versions also reported this for arguments they misread, such as `--check-cfg` (sccache issue #1247).",
    fix: "Upgrade sccache if the calls come from cargo; otherwise pass a single crate root to rustc.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "missing output_dir",
    cause: "The rustc call had no `--out-dir`.",
    fix: THROUGH_CARGO,
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "missing emit",
    cause: "The rustc call had no `--emit`.",
    fix: THROUGH_CARGO,
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "missing crate_name",
    cause: "The rustc call had no `--crate-name`.",
    fix: THROUGH_CARGO,
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  },
  {
    reason: "unsupported --emit",
    cause: "The call asked rustc for outputs that sccache does not cache (anything but link, metadata and dep-info), e.g. `--emit=asm` or `--emit=llvm-ir`.",
    fix: "Keep such `--emit` values out of the CI builds that should be cached; where the output is wanted (e.g. to inspect assembly), these calls stay uncached.",
    compiler: "rust",
    neverCacheable: false,
    cargoProbe: false
  }
];

// plugins/rust-build-cache-common/src/metrics/nonCacheableReasons.ts
var NON_CACHEABLE_REASONS = Object.freeze(
  [...RUST_REASONS, ...C_FAMILY_REASONS].map((entry) => Object.freeze(entry))
);
var entriesByReason = /* @__PURE__ */ new Map();
for (const entry of NON_CACHEABLE_REASONS) {
  entriesByReason.set(entry.reason, [
    ...entriesByReason.get(entry.reason) ?? [],
    entry
  ]);
}
var RUST_LANGUAGE = "Rust";
function describeNonCacheableReason(reason, languages) {
  const entries = entriesByReason.get(reason);
  if (!entries) return [unknownReason(reason)];
  if (!languages || entries.length === 1) return entries;
  const ranRust = languages.includes(RUST_LANGUAGE);
  const ranC = languages.some((language) => language !== RUST_LANGUAGE);
  const narrowed = entries.filter(
    (entry) => entry.compiler === "rust" ? ranRust : ranC
  );
  return narrowed.length > 0 ? narrowed : entries;
}
function unknownReason(reason) {
  return {
    reason,
    compiler: "unknown",
    cause: `sccache did not cache these calls for the reason "${reason}", which this catalog does not describe.`,
    fix: "Start the sccache server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file> to see which calls are affected and why.",
    neverCacheable: false,
    cargoProbe: false
  };
}

// plugins/rust-build-cache-common/src/metrics/languageMetrics.ts
var DEFAULT_C_LANGUAGE = "C/C++";
function countOf(counts, language) {
  return Object.hasOwn(counts, language) ? counts[language] : 0;
}
function compiledLanguages(counters) {
  const languages = /* @__PURE__ */ new Set();
  for (const counts of [counters.hits, counters.misses, counters.errors])
    for (const [language, count2] of Object.entries(counts))
      if (count2 > 0) languages.add(language);
  return [...languages];
}
function breakDownByLanguage(counters) {
  const compiled = compiledLanguages(counters);
  const byLanguage = /* @__PURE__ */ new Map();
  const entry = (language) => {
    let counts2 = byLanguage.get(language);
    if (!counts2) {
      counts2 = {
        language,
        hits: countOf(counters.hits, language),
        misses: countOf(counters.misses, language),
        errors: countOf(counters.errors, language),
        avoidableNotCached: 0
      };
      byLanguage.set(language, counts2);
    }
    return counts2;
  };
  compiled.forEach(entry);
  let rustNeverCacheable = 0;
  const sharedReasons = [];
  const excludedFromEffective = [];
  for (const [reason, count2] of Object.entries(counters.notCached)) {
    if (count2 === 0) continue;
    const descriptions = describeNonCacheableReason(reason, compiled);
    if (descriptions.some(
      (d) => d.compiler === "rust" && d.neverCacheable && !d.cargoProbe
    ))
      rustNeverCacheable += count2;
    const avoidable = descriptions.filter((d) => !d.neverCacheable);
    if (avoidable.length === 0) {
      excludedFromEffective.push({ reason, count: count2 });
      continue;
    }
    const targets = [
      ...new Set(avoidable.flatMap((d) => targetLanguages(d, compiled)))
    ];
    for (const language of targets) entry(language).avoidableNotCached += count2;
    if (targets.length > 1)
      sharedReasons.push({ reason, count: count2, languages: targets.sort() });
  }
  const rust = byLanguage.get(RUST_LANGUAGE);
  const rustCompiled = rust !== void 0 && rust.hits + rust.misses + rust.errors + rust.avoidableNotCached > 0 || rustNeverCacheable > 0;
  const size = (c) => c.hits + c.misses + c.errors + c.avoidableNotCached;
  const counts = [...byLanguage.values()].sort(
    (a, b) => Number(b.language === RUST_LANGUAGE) - Number(a.language === RUST_LANGUAGE) || size(b) - size(a) || (a.language < b.language ? -1 : 1)
  );
  const byCount = (a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1);
  return {
    counts,
    rustCompiled,
    sharedReasons: sharedReasons.sort(byCount),
    excludedFromEffective: excludedFromEffective.sort(byCount)
  };
}
function targetLanguages(description, compiled) {
  const cFamily = compiled.filter((language) => language !== RUST_LANGUAGE);
  switch (description.compiler) {
    case "rust":
      return [RUST_LANGUAGE];
    case "c-family":
      return cFamily.length > 0 ? cFamily : [DEFAULT_C_LANGUAGE];
    default:
      return compiled.length > 0 ? compiled : [RUST_LANGUAGE];
  }
}

// plugins/rust-build-cache-common/src/metrics/computeRunMetrics.ts
function computeRunMetrics(stats) {
  const { counters, durations } = stats;
  const breakdown = breakDownByLanguage(counters);
  const languages = breakdown.counts.map(withRates);
  const rust = languages.find((l) => l.language === RUST_LANGUAGE);
  const rustCounts = rust && breakdown.rustCompiled ? rust : { hits: 0, misses: 0, errors: 0, avoidableNotCached: 0 };
  const { requests, clientSideMode } = countCompileRequests(counters);
  return {
    requests,
    clientSideMode,
    rustCompiled: breakdown.rustCompiled,
    hits: rustCounts.hits,
    misses: rustCounts.misses,
    errors: rustCounts.errors,
    avoidableNotCached: rustCounts.avoidableNotCached,
    ...breakdown.rustCompiled ? hitRates(rustCounts) : { hitRate: null, effectiveHitRate: null },
    languages,
    sharedReasons: breakdown.sharedReasons,
    excludedFromEffective: breakdown.excludedFromEffective,
    compileSeconds: durations.compilerWriteSeconds,
    failures: cacheFailures(stats),
    cacheLevels: cacheLevelMetrics(stats),
    estimatedSecondsSaved: estimateSecondsSaved(stats)
  };
}
function withRates(counts) {
  return { ...counts, ...hitRates(counts) };
}
function estimateSecondsSaved(stats) {
  const hits = sumCounts(stats.counters.hits);
  const misses = sumCounts(stats.counters.misses);
  if (misses === 0) return null;
  const compiles = stats.counters.compilations ?? misses;
  const meanCompileSeconds = stats.durations.compilerWriteSeconds / compiles;
  return hits * meanCompileSeconds - stats.durations.cacheReadHitSeconds;
}
function hitRates(counts) {
  const { hits, misses, avoidableNotCached } = counts;
  return {
    hitRate: ratio(hits, hits + misses),
    effectiveHitRate: ratio(hits, hits + misses + avoidableNotCached)
  };
}
function ratio(part, whole) {
  return whole === 0 ? null : part / whole;
}

// plugins/rust-build-cache-common/src/policy/policyRun.ts
function toPolicyRun(report, metrics) {
  const { sccache } = report;
  const numbers = sccache ? metrics ?? computeRunMetrics(sccache) : null;
  return {
    kind: report.kind,
    finishedAt: report.source.finishedAt,
    runId: report.source.ci.runId,
    rustflagsSha256: report.build.env.rustflags.sha256,
    dependencies: report.dependencies ? { lockVersion: report.dependencies.lockVersion } : null,
    cache: numbers ? {
      rustCompiled: numbers.rustCompiled,
      hits: numbers.hits,
      misses: numbers.misses,
      avoidableNotCached: numbers.avoidableNotCached,
      failures: {
        readErrors: numbers.failures.readErrors,
        writeErrors: numbers.failures.writeErrors,
        timeouts: numbers.failures.timeouts,
        errorsBeforeLookup: numbers.failures.errorsBeforeLookup
      }
    } : null
  };
}

// plugins/rust-build-cache-common/src/policy/ruleChecks.ts
var runIdOf = (report) => report.source.ci.runId;
function runsOf(input3) {
  return input3.runs ?? input3.reports.map((report) => toPolicyRun(report));
}
function ciRuns(input3) {
  return runsOf(input3).filter((run) => run.kind === "ci");
}
function ciRunsWithStats(input3, limit) {
  return ciRuns(input3).filter((run) => !!run.cache).slice(0, limit);
}
function newestCiReport(input3) {
  return input3.reports.find((report) => report.kind === "ci");
}
function newestCiReportWithStats(input3) {
  return input3.reports.find(
    (report) => report.kind === "ci" && !!report.sccache
  );
}
function check2(result, summary, numbers = {}, runIds = []) {
  return { result, summary, evidence: { numbers, runIds } };
}
var NO_CI_RUN = check2(
  "insufficient-data",
  "No CI report has been received yet."
);
var percent = (rate) => `${(rate * 100).toFixed(1)}%`;
function fromReportBecauseUnreadable(fromReport, unreadable, file2) {
  if (!unreadable) return fromReport;
  const note = `The repository's ${file2} could not be read (${unreadable.replace(
    /\.$/,
    ""
  )}).`;
  if (fromReport.result === "insufficient-data")
    return { ...fromReport, summary: `${note} No CI report shows it either.` };
  return {
    ...fromReport,
    summary: `${note} From the latest CI report: ${fromReport.summary}`
  };
}

// plugins/rust-build-cache-common/src/policy/cacheRules.ts
function checkEffectiveHitRate(input3, params) {
  const runs = ciRunsWithStats(input3, params.runs);
  const runIds = runs.map((run) => run.runId);
  const totals = { hits: 0, misses: 0, avoidableNotCached: 0 };
  let runsWithoutRust = 0;
  for (const run of runs) {
    const metrics = run.cache;
    if (!metrics.rustCompiled) runsWithoutRust += 1;
    totals.hits += metrics.hits;
    totals.misses += metrics.misses;
    totals.avoidableNotCached += metrics.avoidableNotCached;
  }
  const { effectiveHitRate } = hitRates(totals);
  const numbers = {
    runs: runs.length,
    minRuns: params.minRuns,
    runsWithoutRust,
    hits: totals.hits,
    misses: totals.misses,
    avoidableNotCached: totals.avoidableNotCached,
    effectiveHitRate,
    threshold: params.threshold
  };
  if (runs.length < params.minRuns)
    return check2(
      "insufficient-data",
      `${runs.length} CI run(s) with sccache statistics; at least ${params.minRuns} are needed.`,
      numbers,
      runIds
    );
  if (effectiveHitRate === null)
    return check2(
      "insufficient-data",
      runsWithoutRust === runs.length ? `No Rust compilations went through sccache in the last ${runs.length} CI run(s).` : `The last ${runs.length} CI run(s) had no cacheable Rust compile requests.`,
      numbers,
      runIds
    );
  const measured = `Rust effective hit rate ${percent(
    effectiveHitRate
  )} over the last ${runs.length} CI run(s)`;
  return effectiveHitRate >= params.threshold ? check2(
    "pass",
    `${measured}, at least ${percent(params.threshold)}.`,
    numbers,
    runIds
  ) : check2(
    "fail",
    `${measured}, below ${percent(params.threshold)}.`,
    numbers,
    runIds
  );
}
function checkCacheErrorsBounded(input3, params) {
  const runs = ciRunsWithStats(input3, params.runs);
  if (runs.length === 0)
    return check2(
      "insufficient-data",
      "No CI run with sccache statistics has been received yet."
    );
  const totals = {
    readErrors: 0,
    writeErrors: 0,
    timeouts: 0,
    errorsBeforeLookup: 0
  };
  const runsWithProblems = [];
  for (const run of runs) {
    const failures = run.cache.failures;
    totals.readErrors += failures.readErrors;
    totals.writeErrors += failures.writeErrors;
    totals.timeouts += failures.timeouts;
    totals.errorsBeforeLookup += failures.errorsBeforeLookup;
    if (failures.readErrors + failures.writeErrors + failures.timeouts > 0)
      runsWithProblems.push(run.runId);
  }
  const counted = totals.readErrors + totals.writeErrors + totals.timeouts;
  const meanPerRun = counted / runs.length;
  const numbers = {
    runs: runs.length,
    readErrors: totals.readErrors,
    writeErrors: totals.writeErrors,
    timeouts: totals.timeouts,
    errorsBeforeLookup: totals.errorsBeforeLookup,
    meanPerRun,
    maxMeanPerRun: params.maxMeanPerRun
  };
  const measured = `${totals.readErrors} read error(s), ${totals.writeErrors} write error(s) and ${totals.timeouts} timeout(s) in the last ${runs.length} CI run(s), ${meanPerRun.toFixed(2)} per run${totals.errorsBeforeLookup > 0 ? ` (not counted: ${totals.errorsBeforeLookup} error(s) before the cache lookup, e.g. compile errors)` : ""}`;
  return meanPerRun <= params.maxMeanPerRun ? check2(
    "pass",
    `${measured}, at most ${params.maxMeanPerRun}.`,
    numbers,
    runsWithProblems
  ) : check2(
    "fail",
    `${measured}, more than ${params.maxMeanPerRun}.`,
    numbers,
    runsWithProblems
  );
}
function cachesOf(sccache) {
  const levels = cacheLevelMetrics(sccache);
  if (levels) return levels;
  return [{ name: "cache", ...sccache.cache }];
}
function checkCacheSizeBounded(input3) {
  const latest = newestCiReportWithStats(input3);
  if (!latest)
    return check2(
      "insufficient-data",
      "No CI run with sccache statistics has been received yet."
    );
  const { backend, maxSize } = latest.sccache.cache;
  const caches = cachesOf(latest.sccache);
  const cacheSize = latest.build.env.sccacheCacheSize;
  const numbers = {
    backend,
    levels: latest.sccache.multiLevel ? caches.map((c) => `${c.name}: ${c.backend}`).join(", ") : null,
    sccacheCacheSize: cacheSize,
    maxSize
  };
  const runIds = [runIdOf(latest)];
  const unknown2 = caches.filter((c) => c.backend === "unknown");
  if (unknown2.length > 0)
    return check2(
      "insufficient-data",
      `sccache's cache location is not recognised: ${unknown2.map((c) => c.location || c.name).join("; ")}`,
      numbers,
      runIds
    );
  const local = caches.filter((c) => c.backend === "local");
  const where = latest.sccache.multiLevel ? `The multi-level cache's disk level (${local.map((c) => c.name).join(", ")})` : "Local disk cache";
  if (local.length === 0)
    return check2(
      "pass",
      latest.sccache.multiLevel ? `Every level of the multi-level cache is a remote backend (${caches.map((c) => c.backend).join(", ")}).` : `The cache is a remote backend (${backend}).`,
      numbers,
      runIds
    );
  return cacheSize !== null ? check2(
    "pass",
    `${where} with SCCACHE_CACHE_SIZE=${cacheSize}.`,
    numbers,
    runIds
  ) : check2(
    "fail",
    `${where} without SCCACHE_CACHE_SIZE: it grows to the 10G default.`,
    numbers,
    runIds
  );
}

// plugins/rust-build-cache-common/src/policy/ruleDefinition.ts
var nameList = external_exports.array(external_exports.string().trim().min(1, "must not be empty").max(2e3)).max(200);
var appliesToSchema = external_exports.strictObject({
  kinds: nameList.optional(),
  types: nameList.optional(),
  tags: nameList.optional(),
  owners: nameList.optional(),
  lifecycles: nameList.optional()
});
function defineRule(rule) {
  return rule;
}
var noParams = () => external_exports.strictObject({}).prefault({});
var wholeNumber = (min) => external_exports.number({ error: "must be a number" }).int("must be a whole number").min(min, `must be at least ${min}`);
var fraction = external_exports.number({ error: "must be a number" }).min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

// plugins/rust-build-cache-common/src/policy/toolchainRules.ts
function currentToolchainFile(input3) {
  if (input3.snapshot && !input3.snapshot.unreadable?.toolchain)
    return input3.snapshot.toolchainFile;
  return input3.reports[0]?.toolchain.file;
}
function brokenToolchainFile(input3) {
  const latest = input3.reports[0];
  if (!latest || input3.snapshot && !input3.snapshot.unreadable?.toolchain && input3.snapshot.toolchainFile !== null)
    return void 0;
  return toolchainFileProblem(latest);
}
function checkToolchainPinnedExact(input3) {
  return fromReportBecauseUnreadable(
    checkToolchainFilePin(input3),
    input3.snapshot?.unreadable?.toolchain,
    "toolchain file"
  );
}
function checkToolchainFilePin(input3) {
  const broken = brokenToolchainFile(input3);
  if (broken)
    return check2(
      "fail",
      `${broken.file} is broken: ${broken.message}. A toolchain file that cannot be read pins nothing.`,
      { channel: null, file: broken.file, problem: broken.message },
      [runIdOf(input3.reports[0])]
    );
  const file2 = currentToolchainFile(input3);
  if (file2 === void 0)
    return check2(
      "insufficient-data",
      "Neither a repository snapshot nor a report says which toolchain file exists."
    );
  if (file2 === null)
    return check2(
      "fail",
      "No rust-toolchain file: CI builds with whatever toolchain the runner has.",
      { channel: null }
    );
  const pinned = file2.channel ?? (file2.path ? `path ${file2.path}` : null);
  return isExactToolchainPin(file2.channel) ? check2("pass", `${file2.file} pins ${file2.channel}.`, { channel: pinned }) : check2(
    "fail",
    `${file2.file} ${pinned ? `selects ${pinned}` : "sets no channel"}, which is not an exact release.`,
    { channel: pinned }
  );
}
function majorMinor(release) {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?(?:-[\w.-]+)?$/.exec(release);
  return match ? [Number(match[1]), Number(match[2])] : null;
}
function checkToolchainNearBaseline(input3, params, baselineRelease) {
  const baseline = baselineRelease ? majorMinor(baselineRelease) : null;
  if (!baselineRelease || !baseline)
    return check2(
      "not-applicable",
      "The policy sets no baseline.rustRelease to compare with."
    );
  const latest = newestCiReport(input3);
  if (!latest) return NO_CI_RUN;
  const release = latest.toolchain.rustc?.release ?? null;
  const used = release ? majorMinor(release) : null;
  if (!release || !used)
    return check2(
      "insufficient-data",
      `The latest CI run reported no rustc release that can be compared (${release ?? "none"}).`,
      { rustc: release },
      [runIdOf(latest)]
    );
  const minorsBehind = used[0] === baseline[0] ? Math.max(0, baseline[1] - used[1]) : null;
  const isNear = used[0] > baseline[0] || minorsBehind !== null && minorsBehind <= params.maxMinorsBehind;
  const numbers = {
    rustc: release,
    baseline: baselineRelease,
    minorsBehind,
    maxMinorsBehind: params.maxMinorsBehind
  };
  return isNear ? check2(
    "pass",
    `CI used rustc ${release}; the baseline is ${baselineRelease}.`,
    numbers,
    [runIdOf(latest)]
  ) : check2(
    "fail",
    `CI used rustc ${release}, more than ${params.maxMinorsBehind} minor releases behind the baseline ${baselineRelease}.`,
    numbers,
    [runIdOf(latest)]
  );
}
function checkToolchainPinMatchesCi(input3) {
  const latest = newestCiReport(input3);
  if (!latest) return NO_CI_RUN;
  const { file: file2, rustc } = latest.toolchain;
  const broken = toolchainFileProblem(latest);
  if (broken)
    return check2(
      "not-applicable",
      `${broken.file} is broken (${broken.message}): there is no pin to compare with; toolchain-pinned-exact reports it.`,
      { status: "unpinned", file: broken.file, problem: broken.message },
      [runIdOf(latest)]
    );
  const { status, detail } = toolchainMatchesRustc(file2, rustc);
  const found = (result, summary) => check2(result, summary, { status }, [runIdOf(latest)]);
  switch (status) {
    case "match":
      return found("pass", detail);
    case "mismatch":
      return found("fail", detail);
    case "unknown":
      return found("insufficient-data", detail);
    default:
      return found(
        "not-applicable",
        `${detail} There is no exact pin to compare with.`
      );
  }
}

// plugins/rust-build-cache-common/src/policy/rules.ts
var DAY_MS = 24 * 60 * 60 * 1e3;
var SCCACHE_BINARY = /(^|[\\/])sccache(\.exe)?$/i;
function checkRustcWrapperSccache(input3) {
  const latest = newestCiReport(input3);
  if (!latest) return NO_CI_RUN;
  const wrapper = latest.build.env.rustcWrapper;
  const compileRequests = latest.sccache ? countCompileRequests(latest.sccache.counters).requests : 0;
  const numbers = { rustcWrapper: wrapper, compileRequests };
  const runIds = [runIdOf(latest)];
  if (wrapper !== null && SCCACHE_BINARY.test(wrapper))
    return check2("pass", `RUSTC_WRAPPER is ${wrapper}.`, numbers, runIds);
  if (compileRequests > 0)
    return check2(
      "pass",
      `sccache received ${compileRequests} compile requests (the wrapper is not set through RUSTC_WRAPPER).`,
      numbers,
      runIds
    );
  return check2(
    "fail",
    wrapper === null ? "RUSTC_WRAPPER is not set and sccache received no compile requests." : `RUSTC_WRAPPER is ${wrapper}, not sccache, and sccache received no compile requests.`,
    numbers,
    runIds
  );
}
function checkCargoIncrementalOff(input3) {
  const latest = newestCiReport(input3);
  if (!latest) return NO_CI_RUN;
  const cargoIncremental = latest.build.env.cargoIncremental;
  const incrementalRequests = latest.sccache?.counters.notCached.incremental ?? 0;
  const numbers = { cargoIncremental, incrementalRequests };
  const runIds = [runIdOf(latest)];
  if (incrementalRequests > 0)
    return check2(
      "fail",
      `${incrementalRequests} compile request(s) were not cacheable because they were incremental (CARGO_INCREMENTAL is ${cargoIncremental ?? "not set"}).`,
      numbers,
      runIds
    );
  if (cargoIncremental !== null && cargoIncremental !== "0")
    return check2(
      "fail",
      `CARGO_INCREMENTAL is ${cargoIncremental}, which turns incremental compilation on.`,
      numbers,
      runIds
    );
  return check2(
    "pass",
    cargoIncremental === "0" ? "CARGO_INCREMENTAL is 0." : "No compile request was incremental.",
    numbers,
    runIds
  );
}
function checkRustflagsStable(input3, params) {
  const runs = ciRuns(input3).slice(0, params.runs);
  const runIds = runs.map((run) => run.runId);
  const valueOf = (run) => run.rustflagsSha256 ?? "(unset)";
  const distinct = new Set(runs.map(valueOf));
  const numbers = { runs: runs.length, distinctRustflags: distinct.size };
  if (runs.length < 2)
    return check2(
      "insufficient-data",
      `${runs.length} CI run(s); at least 2 are needed to compare RUSTFLAGS.`,
      numbers,
      runIds
    );
  if (distinct.size === 1)
    return check2(
      "pass",
      `The last ${runs.length} CI runs used the same RUSTFLAGS.`,
      numbers,
      runIds
    );
  const latestValue = valueOf(runs[0]);
  return check2(
    "fail",
    `The last ${runs.length} CI runs used ${distinct.size} different RUSTFLAGS values.`,
    numbers,
    // The runs whose flags differ from the newest run's: their cache entries do not match.
    runs.filter((run) => valueOf(run) !== latestValue).map((run) => run.runId)
  );
}
function checkCargoLockCommitted(input3) {
  return fromReportBecauseUnreadable(
    checkCargoLock(input3),
    input3.snapshot?.unreadable?.dependencies,
    "Cargo.lock"
  );
}
function checkCargoLock(input3) {
  if (input3.snapshot && !input3.snapshot.unreadable?.dependencies)
    return input3.snapshot.cargoLockCommitted ? check2("pass", "The repository has Cargo.lock committed.", {
      cargoLockCommitted: "yes"
    }) : check2("fail", "The repository has no committed Cargo.lock.", {
      cargoLockCommitted: "no"
    });
  const broken = input3.reports[0] && cargoLockProblem(input3.reports[0]);
  if (broken)
    return check2(
      "fail",
      `${broken.file} is broken: ${broken.message}. The dependencies it pins are unknown.`,
      { lockVersion: null, file: broken.file, problem: broken.message },
      [runIdOf(input3.reports[0])]
    );
  const latest = runsOf(input3).find((run) => run.dependencies !== null);
  if (!latest?.dependencies)
    return check2(
      "insufficient-data",
      "No repository snapshot, and no report with Cargo.lock information."
    );
  const { lockVersion } = latest.dependencies;
  return lockVersion !== null ? check2(
    "pass",
    `The build had a version ${lockVersion} Cargo.lock.`,
    { lockVersion },
    [latest.runId]
  ) : check2("fail", "The build had no Cargo.lock.", { lockVersion }, [
    latest.runId
  ]);
}
function checkReportsFresh(input3, params) {
  let latest = null;
  let latestTime = 0;
  for (const run of runsOf(input3)) {
    const time3 = Date.parse(run.finishedAt);
    if (latest === null || time3 > latestTime) {
      latest = run;
      latestTime = time3;
    }
  }
  if (!latest)
    return check2("fail", "No build-cache report has been received.", {
      maxAgeDays: params.maxAgeDays
    });
  const ageDays = (input3.now.getTime() - latestTime) / DAY_MS;
  const numbers = {
    latestFinishedAt: latest.finishedAt,
    ageDays: Math.round(ageDays * 10) / 10,
    maxAgeDays: params.maxAgeDays
  };
  return ageDays <= params.maxAgeDays ? check2(
    "pass",
    `The latest report is from ${latest.finishedAt}.`,
    numbers,
    [latest.runId]
  ) : check2(
    "fail",
    `The latest report is ${Math.floor(ageDays)} days old (from ${latest.finishedAt}), older than ${params.maxAgeDays} days.`,
    numbers,
    [latest.runId]
  );
}
function checkPrewarmEnrolled(input3) {
  if (input3.prewarmEnrolled === null || input3.prewarmEnrolled === void 0)
    return check2(
      "not-applicable",
      "Cache pre-warming enrolment does not exist yet, so it cannot be checked."
    );
  return input3.prewarmEnrolled ? check2("pass", "The service is enrolled in cache pre-warming.") : check2("fail", "The service is not enrolled in cache pre-warming.");
}

// plugins/rust-build-cache-common/src/policy/builtInRules.ts
var BUILT_IN_RULE_DEFINITIONS = [
  defineRule({
    id: "toolchain-pinned-exact",
    title: "Toolchain pinned to an exact release",
    remediation: 'Commit a rust-toolchain.toml with an exact channel, e.g. `[toolchain]` `channel = "1.95.0"` (or a dated nightly such as `nightly-2026-01-01`). sccache puts the compiler\'s `rustc -vV` output into every Rust cache key, so with `stable` or `nightly` each new release makes every crate miss. Move the pin in a pull request of its own.',
    params: noParams(),
    check: (input3) => checkToolchainPinnedExact(input3)
  }),
  defineRule({
    id: "toolchain-near-baseline",
    title: "Toolchain close to the organisation's baseline",
    remediation: "Update the channel in rust-toolchain.toml to the policy's baseline release or a later one, in a pull request of its own: the first runs after the change miss on every crate, because sccache keys every compile on the rustc version.",
    params: external_exports.strictObject({
      /** How many minor releases the rustc used in CI may trail `baseline.rustRelease`. */
      maxMinorsBehind: wholeNumber(0).default(2)
    }).prefault({}),
    configIssues: (policy) => policy.baseline?.rustRelease ? [] : [
      {
        path: ["baseline", "rustRelease"],
        message: "is required by the rule toolchain-near-baseline"
      }
    ],
    check: (input3, params, policy) => checkToolchainNearBaseline(input3, params, policy.baseline?.rustRelease)
  }),
  defineRule({
    id: "toolchain-pin-matches-ci",
    title: "CI builds with the pinned toolchain",
    remediation: "Make CI build with the toolchain the file pins: run cargo through rustup inside the workspace, and do not override it with `RUSTUP_TOOLCHAIN`, a `+toolchain` argument or a toolchain installed first on PATH. If both `rust-toolchain` and `rust-toolchain.toml` exist, rustup uses the legacy `rust-toolchain`: delete one.",
    params: noParams(),
    check: (input3) => checkToolchainPinMatchesCi(input3)
  }),
  defineRule({
    id: "rustc-wrapper-sccache",
    title: "Builds go through sccache",
    remediation: 'Set `RUSTC_WRAPPER=sccache` in the CI job\'s environment, or `build.rustc-wrapper = "sccache"` in `.cargo/config.toml`, so that cargo sends each rustc call through sccache.',
    params: noParams(),
    check: (input3) => checkRustcWrapperSccache(input3)
  }),
  defineRule({
    id: "cargo-incremental-off",
    title: "Incremental compilation off in CI",
    remediation: "Set `CARGO_INCREMENTAL=0` in the CI job's environment. sccache cannot cache incremental compiles (non-cacheable reason `incremental`), and cargo's dev profile is incremental by default since Rust 1.24. Do not set `CARGO_INCREMENTAL=1`: sccache 0.5.1 and later refuse to compile with it.",
    params: noParams(),
    check: (input3) => checkCargoIncrementalOff(input3)
  }),
  defineRule({
    id: "effective-hit-rate",
    title: "Effective hit rate",
    remediation: "Look at the non-cacheable reasons and misses of recent runs on the service's page. Common causes: the `incremental` reason (set `CARGO_INCREMENTAL=0`); a cache that is not kept between runs (check the backend and its key prefix); a checkout directory or `CARGO_HOME` that changes between runs (sccache hashes the working directory and source paths); changing `RUSTFLAGS`; and `CARGO_*` variables that differ between runs (sccache hashes every one of them).",
    params: external_exports.strictObject({
      threshold: fraction.default(0.8),
      /** The last N CI runs that reported sccache statistics. */
      runs: wholeNumber(1).default(10),
      /** Fewer runs than this gives `insufficient-data`, not a failure. */
      minRuns: wholeNumber(1).default(3)
    }).superRefine((params, ctx) => {
      if (params.minRuns > params.runs) {
        ctx.addIssue({
          code: "custom",
          path: ["minRuns"],
          message: `must not be more than runs (${params.runs}), or the rule never has enough data`
        });
      }
    }).prefault({}),
    ciRunsNeeded: (params) => params.runs,
    check: (input3, params) => checkEffectiveHitRate(input3, params)
  }),
  defineRule({
    id: "cache-errors-bounded",
    title: "Few cache read errors, write errors and timeouts",
    remediation: "Read the sccache server log (`SCCACHE_ERROR_LOG`, with `SCCACHE_LOG=debug`) for the failing cache reads and writes. For a remote backend, check its credentials, endpoint, quota and network; for the disk cache, free space and permissions of `SCCACHE_DIR`. An entry that cannot be read (corrupt, or a failed backend read) counts as a read error plus a miss and is compiled again. A cache set to read-only counts every miss as a write error (sccache 0.8+). Errors before the lookup, such as a syntax error while sccache computes the key, are not counted: they are no cache fault.",
    params: external_exports.strictObject({
      /** Cache errors + timeouts per run, averaged over the last `runs` CI runs. */
      maxMeanPerRun: external_exports.number({ error: "must be a number" }).min(0, "must be at least 0").default(1),
      runs: wholeNumber(1).default(10)
    }).prefault({}),
    ciRunsNeeded: (params) => params.runs,
    check: (input3, params) => checkCacheErrorsBounded(input3, params)
  }),
  defineRule({
    id: "cache-size-bounded",
    title: "Cache size chosen deliberately",
    remediation: "For sccache's local disk cache, also as a level of a multi-level cache, set `SCCACHE_CACHE_SIZE` (e.g. `2G`) to what your CI cache storage can hold: the default is 10G, as much as a repository's whole GitHub Actions cache. The disk cache evicts least recently used entries when full; it has no time-based expiry. Or use a remote backend such as S3, GCS, Redis or the GitHub Actions cache (`SCCACHE_GHA_ENABLED=on`).",
    params: noParams(),
    check: (input3) => checkCacheSizeBounded(input3)
  }),
  defineRule({
    id: "rustflags-stable",
    title: "RUSTFLAGS stable across runs",
    remediation: "Use the same `RUSTFLAGS` in every CI job and branch that shares the cache: sccache hashes the compiler arguments, so any change in `RUSTFLAGS` makes every crate miss.",
    params: external_exports.strictObject({
      runs: wholeNumber(2).default(10)
    }).prefault({}),
    ciRunsNeeded: (params) => params.runs,
    check: (input3, params) => checkRustflagsStable(input3, params)
  }),
  defineRule({
    id: "cargo-lock-committed",
    title: "Cargo.lock committed",
    remediation: "Commit Cargo.lock. Without it every CI run resolves the dependencies again, and each newly published version of a dependency changes what is compiled, so its cache entries miss.",
    params: noParams(),
    check: (input3) => checkCargoLockCommitted(input3)
  }),
  defineRule({
    id: "reports-fresh",
    title: "Recent build-cache reports",
    remediation: "Run `rust-build-cache collect` and `rust-build-cache push` right after `cargo build` in the service's CI workflow (see the ci-reporter README), so that recent runs reach Backstage.",
    params: external_exports.strictObject({
      maxAgeDays: wholeNumber(1).default(7)
    }).prefault({}),
    check: (input3, params) => checkReportsFresh(input3, params)
  }),
  defineRule({
    id: "prewarm-enrolled",
    title: "Enrolled in cache pre-warming",
    remediation: "Enrol the service in cache pre-warming, so that a scheduled job fills the cache from the default branch.",
    params: noParams(),
    check: (input3) => checkPrewarmEnrolled(input3)
  })
];
var POLICY_RULE_IDS = BUILT_IN_RULE_DEFINITIONS.map(
  (rule) => rule.id
);
var BUILT_IN_RULES_BY_ID = new Map(
  BUILT_IN_RULE_DEFINITIONS.map((rule) => [
    rule.id,
    rule
  ])
);
function builtInRule(id) {
  return BUILT_IN_RULES_BY_ID.get(id);
}
var BUILT_IN_RULES = Object.fromEntries(
  BUILT_IN_RULE_DEFINITIONS.map((rule) => [
    rule.id,
    { title: rule.title, remediation: rule.remediation }
  ])
);

// plugins/rust-build-cache-common/src/policy/policySchema.ts
var text2 = external_exports.string().trim().min(1, "must not be empty").max(2e3);
function ruleSchema(rule) {
  return external_exports.strictObject({
    id: external_exports.literal(rule.id),
    title: text2.optional(),
    description: text2.optional(),
    severity: external_exports.enum(["error", "warning"], {
      error: "must be 'error' or 'warning'"
    }),
    params: rule.params,
    appliesTo: appliesToSchema.optional(),
    remediation: text2.optional()
  });
}
var ruleConfigSchema = external_exports.discriminatedUnion(
  "id",
  BUILT_IN_RULE_DEFINITIONS.map((rule) => ruleSchema(rule)),
  { error: `must be one of the built-in rules: ${POLICY_RULE_IDS.join(", ")}` }
);
var levelSchema = external_exports.strictObject({
  id: text2.max(100),
  title: text2.max(200),
  rules: external_exports.array(external_exports.string()).max(POLICY_RULE_IDS.length)
});
var policyConfigSchema = external_exports.strictObject({
  baseline: external_exports.strictObject({
    /** e.g. `1.95.0`: the Rust release the organisation currently targets. */
    rustRelease: external_exports.string().regex(/^\d+\.\d+(\.\d+)?$/, "must be a Rust release such as 1.95.0").optional()
  }).optional(),
  rules: external_exports.array(ruleConfigSchema).max(POLICY_RULE_IDS.length),
  levels: external_exports.array(levelSchema).max(20)
}).superRefine((policy, ctx) => {
  const configured = /* @__PURE__ */ new Set();
  policy.rules.forEach((rule, index) => {
    if (configured.has(rule.id)) {
      ctx.addIssue({
        code: "custom",
        path: ["rules", index, "id"],
        message: `'${rule.id}' is configured twice; each rule may appear once`
      });
    }
    configured.add(rule.id);
    for (const issue2 of builtInRule(rule.id).configIssues?.(policy) ?? []) {
      ctx.addIssue({ code: "custom", ...issue2 });
    }
  });
  const levelIds = /* @__PURE__ */ new Set();
  policy.levels.forEach((level, levelIndex) => {
    if (levelIds.has(level.id)) {
      ctx.addIssue({
        code: "custom",
        path: ["levels", levelIndex, "id"],
        message: `level '${level.id}' is defined twice`
      });
    }
    levelIds.add(level.id);
    level.rules.forEach((ruleId, ruleIndex) => {
      if (!configured.has(ruleId)) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", levelIndex, "rules", ruleIndex],
          message: `'${ruleId}' is not one of the configured rules`
        });
      }
    });
  });
});
function validatePolicy(input3, rootPath = "") {
  const parsed = policyConfigSchema.safeParse(input3);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue2) => ({
      path: formatKeyPath(rootPath, issue2.path),
      message: issue2.message
    }))
  };
}
function formatPolicyIssues(issues) {
  return issues.map((issue2) => `${issue2.path}: ${issue2.message}`).join("\n");
}
function formatKeyPath(rootPath, path) {
  let result = rootPath;
  for (const key of path) {
    if (typeof key === "number") result += `[${key}]`;
    else result += result ? `.${String(key)}` : String(key);
  }
  return result || "(root)";
}

// plugins/rust-build-cache-common/src/policy/evaluatePolicy.ts
var COUNTED_AS = /* @__PURE__ */ new Map([
  ["pass", "passed"],
  ["fail", "failed"],
  ["warn", "warned"],
  ["exempt", "exempt"],
  ["not-applicable", "notApplicable"],
  ["insufficient-data", "insufficientData"]
]);
var MEETS_RULE = /* @__PURE__ */ new Set([
  "pass",
  "exempt",
  "not-applicable"
]);
function evaluatePolicy(options) {
  const { policy, exemptions = [] } = options;
  const input3 = options.input.runs ? options.input : {
    ...options.input,
    runs: options.input.reports.map((report) => toPolicyRun(report))
  };
  const results = policy.rules.map(
    (rule) => evaluateRule(rule, policy, input3, exemptions)
  );
  let level = null;
  let nextLevel = null;
  for (const candidate of policy.levels) {
    const blockingRuleIds = candidate.rules.filter(
      (ruleId) => !MEETS_RULE.has(outcomeOf(results, ruleId))
    );
    if (blockingRuleIds.length > 0) {
      nextLevel = { id: candidate.id, blockingRuleIds };
      break;
    }
    level = candidate.id;
  }
  const counts = summarisePolicyResults(results);
  return {
    results,
    level,
    nextLevel,
    passed: counts.passed,
    failed: counts.failed,
    warned: counts.warned,
    exempt: counts.exempt,
    notApplicable: counts.notApplicable,
    insufficientData: counts.insufficientData
  };
}
function outcomeOf(results, ruleId) {
  for (let i = results.length - 1; i >= 0; i--) {
    if (results[i].ruleId === ruleId) return results[i].result;
  }
  return "insufficient-data";
}
function summarisePolicyResults(results) {
  const counts = {
    passed: 0,
    failed: 0,
    warned: 0,
    exempt: 0,
    notApplicable: 0,
    insufficientData: 0
  };
  for (const { result } of results) {
    const counted = COUNTED_AS.get(result);
    if (counted) counts[counted] += 1;
  }
  return counts;
}
function evaluateRule(rule, policy, input3, exemptions) {
  const builtIn = builtInRule(rule.id);
  const title = rule.title ?? builtIn.title;
  const description = rule.description ?? null;
  const remediation = rule.remediation ?? builtIn.remediation;
  const filter = rule.appliesTo ?? builtIn.appliesTo;
  if (filter && !appliesTo(filter, input3.entity)) {
    return {
      ruleId: rule.id,
      title,
      description,
      severity: rule.severity,
      remediation,
      result: "not-applicable",
      summary: "The rule's appliesTo does not match this entity.",
      evidence: { numbers: {}, runIds: [] }
    };
  }
  const found = builtIn.check(input3, rule.params, policy);
  let result = found.result;
  let summary = found.summary;
  if (found.result === "fail") {
    const exemption = exemptions.find(
      (e) => e.ruleId === rule.id && Date.parse(e.expiresAt) > input3.now.getTime()
    );
    if (exemption) {
      result = "exempt";
      summary = `Exempt until ${exemption.expiresAt} (${exemption.reason}; granted by ${exemption.author}). Without the exemption: ${found.summary}`;
    } else {
      result = rule.severity === "error" ? "fail" : "warn";
    }
  }
  return {
    ruleId: rule.id,
    title,
    description,
    severity: rule.severity,
    remediation,
    result,
    summary,
    evidence: found.evidence
  };
}
function appliesTo(filter, entity) {
  const matches = (allowed, values) => {
    if (!allowed || allowed.length === 0) return true;
    const wanted = new Set(allowed.map((value) => value.toLowerCase()));
    return values.some(
      (value) => value !== void 0 && wanted.has(value.toLowerCase())
    );
  };
  return matches(filter.kinds, [entity.kind]) && matches(filter.types, [entity.type]) && matches(filter.tags, entity.tags) && matches(filter.owners, [entity.owner]) && matches(filter.lifecycles, [entity.lifecycle]);
}

// plugins/rust-build-cache-common/src/policy/defaultPolicy.ts
var DEFAULT_POLICY = {
  rules: [
    { id: "reports-fresh", severity: "warning", params: { maxAgeDays: 7 } },
    { id: "rustc-wrapper-sccache", severity: "error", params: {} },
    { id: "cargo-lock-committed", severity: "error", params: {} },
    { id: "cargo-incremental-off", severity: "error", params: {} },
    { id: "toolchain-pinned-exact", severity: "error", params: {} },
    { id: "toolchain-pin-matches-ci", severity: "error", params: {} },
    { id: "cache-size-bounded", severity: "warning", params: {} },
    {
      id: "cache-errors-bounded",
      severity: "warning",
      params: { maxMeanPerRun: 1, runs: 10 }
    },
    {
      id: "effective-hit-rate",
      severity: "error",
      params: { threshold: 0.8, runs: 10, minRuns: 3 }
    },
    { id: "rustflags-stable", severity: "warning", params: { runs: 10 } },
    { id: "prewarm-enrolled", severity: "warning", params: {} }
  ],
  levels: [
    {
      id: "bronze",
      title: "Bronze",
      rules: ["reports-fresh", "rustc-wrapper-sccache", "cargo-lock-committed"]
    },
    {
      id: "silver",
      title: "Silver",
      rules: [
        "cargo-incremental-off",
        "toolchain-pinned-exact",
        "toolchain-pin-matches-ci",
        "cache-size-bounded",
        "cache-errors-bounded"
      ]
    },
    {
      id: "gold",
      title: "Gold",
      rules: ["effective-hit-rate", "rustflags-stable", "prewarm-enrolled"]
    }
  ]
};

// packages/ci-reporter/src/ci/repository.ts
function splitProjectPath(path) {
  const segments = path.replace(/\.git$/, "").split("/").filter(Boolean);
  if (segments.length < 2) return null;
  return {
    owner: segments.slice(0, -1).join("/"),
    name: segments[segments.length - 1]
  };
}
function parseRepositorySlug(slug) {
  const [host, ...rest] = slug.split("/");
  const project = splitProjectPath(rest.join("/"));
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host) || !project) return null;
  return { host, ...project };
}
var SCP_LIKE_REMOTE = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/;
function parseRepositoryUrl(remote) {
  const trimmed = remote.trim();
  const scpLike = SCP_LIKE_REMOTE.exec(trimmed);
  if (scpLike && !trimmed.includes("://")) {
    const project2 = splitProjectPath(scpLike[2]);
    return project2 ? { host: scpLike[1], ...project2 } : null;
  }
  let url2;
  try {
    url2 = new URL(trimmed);
  } catch {
    return null;
  }
  const isWeb = url2.protocol === "https:" || url2.protocol === "http:";
  const host = isWeb ? url2.host : url2.hostname;
  const project = splitProjectPath(decodeURIComponent(url2.pathname));
  return host && project ? { host, ...project } : null;
}
function formatRepository(repository) {
  return `${repository.host}/${repository.owner}/${repository.name}`;
}

// packages/ci-reporter/src/lib/args.ts
var import_node_util = require("node:util");

// packages/ci-reporter/src/lib/errors.ts
var EXIT_OK = 0;
var EXIT_FAILURE = 1;
var EXIT_USAGE = 2;
var CliError = class extends Error {
  exitCode;
  constructor(message, exitCode) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
};
var UsageError = class extends CliError {
  constructor(message) {
    super(message, EXIT_USAGE);
  }
};
var InputError = class extends CliError {
  constructor(message) {
    super(message, EXIT_FAILURE);
  }
};
var UploadError = class extends CliError {
  constructor(message) {
    super(message, EXIT_FAILURE);
  }
};
function errorField(error2, field) {
  return typeof error2 === "object" && error2 !== null ? error2[field] : void 0;
}
function errorMessage(error2) {
  const message = errorField(error2, "message");
  return typeof message === "string" ? message : String(error2);
}

// packages/ci-reporter/src/lib/args.ts
function parseCommandArgs(command2, args, options) {
  try {
    return (0, import_node_util.parseArgs)({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error2) {
    throw new UsageError(
      `${errorMessage(
        error2
      )}
Run 'rust-build-cache ${command2} --help' for the flags.`
    );
  }
}
function parsePositiveInteger(value, what) {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${what} must be a positive integer, got '${value}'`);
  }
  return Number(value);
}
function parseNonNegativeInteger(value, what) {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${what} must be a whole number \u2265 0, got '${value}'`);
  }
  return Number(value);
}
function parseTimestamp(value, what) {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const time3 = Date.parse(value);
  if (!hasOffset || Number.isNaN(time3)) {
    throw new UsageError(
      `${what} must be an ISO 8601 timestamp with a time zone, e.g. 2026-01-31T12:00:00Z, got '${value}'`
    );
  }
  return new Date(time3).toISOString();
}

// packages/ci-reporter/src/lib/backendUrl.ts
function backendEndpoint(baseUrl, apiPath) {
  let url2 = null;
  try {
    url2 = new URL(baseUrl);
  } catch {
  }
  if (!url2 || url2.protocol !== "https:" && url2.protocol !== "http:") {
    throw new UsageError(
      `the backend URL must be http(s), e.g. https://backstage.example.com, got '${baseUrl}'`
    );
  }
  if (url2.username || url2.password) {
    throw new UsageError(
      "the backend URL must not contain credentials: set RUST_BUILD_CACHE_TOKEN instead"
    );
  }
  url2.pathname = `${url2.pathname.replace(/\/+$/, "")}${apiPath}`;
  url2.search = "";
  url2.hash = "";
  return url2.toString();
}

// packages/ci-reporter/src/lib/paths.ts
var import_node_path = require("node:path");
function relativeInside(from, to) {
  const rel = (0, import_node_path.relative)(from, to);
  if (rel === "") return ".";
  if (rel === ".." || rel.startsWith(`..${import_node_path.sep}`) || (0, import_node_path.isAbsolute)(rel))
    return null;
  return rel.split(import_node_path.sep).join("/");
}
function displayPath(cwd, path) {
  return relativeInside(cwd, path) ?? path;
}

// packages/ci-reporter/src/lib/files.ts
async function readInputFile(system, path, label) {
  try {
    return await system.readTextFile(path);
  } catch (error2) {
    throw new InputError(
      `${label} at ${displayPath(
        system.cwd,
        path
      )}: cannot be read (${errorMessage(error2)})`
    );
  }
}
async function readRequiredInputFile(system, path, label) {
  const content = await readInputFile(system, path, label);
  if (content === null) {
    throw new InputError(
      `${label} at ${displayPath(system.cwd, path)}: file not found`
    );
  }
  return content;
}
function rethrowForFile(error2, parseErrorClass, label, where) {
  if (error2 instanceof parseErrorClass)
    throw new InputError(`${label} at ${where}: ${error2.message}`);
  throw error2;
}

// packages/ci-reporter/src/lib/summary.ts
var NO_RUST = "no Rust compilations went through sccache, so there is no Rust hit rate (is RUSTC_WRAPPER=sccache set for cargo?)";
var FAILURE_ORDER = [
  "timeouts",
  "readErrors",
  "writeErrors",
  "errorsBeforeLookup"
];
function formatRate(rate) {
  return rate === null ? "n/a" : `${(rate * 100).toFixed(1)}%`;
}
var plural2 = (count2, one, many = `${one}s`) => `${count2} ${count2 === 1 ? one : many}`;
function describeNonCacheable(report, metrics) {
  const notCached = report.sccache?.counters.notCached ?? {};
  const languages = metrics.languages.map((l) => l.language);
  return Object.entries(notCached).filter(([, count2]) => count2 > 0).sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b)).map(([reason, count2]) => {
    const descriptions = describeNonCacheableReason(reason, languages);
    return {
      reason,
      count: count2,
      descriptions,
      cargoProbe: descriptions.every((d) => d.cargoProbe)
    };
  });
}
function compilerLabel(description) {
  return description.compiler === "rust" ? "Rust" : "C/C++ family";
}
function fixText(line) {
  if (line.descriptions.length === 1) return line.descriptions[0].fix;
  return `sccache does not say which compiler reported it. ${line.descriptions.map((d) => `${compilerLabel(d)}: ${d.fix}`).join(" ")}`;
}
function causeText(line) {
  if (line.descriptions.length === 1) return line.descriptions[0].cause;
  return line.descriptions.map((d) => `${compilerLabel(d)}: ${d.cause}`).join(" ");
}
function toolchainStatus(report) {
  const broken = toolchainFileProblem(report);
  if (broken) {
    return {
      status: "broken",
      detail: `${broken.file} is broken: ${broken.message}`
    };
  }
  return toolchainMatchesRustc(report.toolchain.file, report.toolchain.rustc);
}
function describePin(report) {
  const broken = toolchainFileProblem(report);
  if (broken) return `${broken.file}: broken`;
  const file2 = report.toolchain.file;
  if (!file2) return "no toolchain file";
  return `${file2.file}: ${file2.channel ?? file2.path ?? "no channel"}`;
}
function describeRustc(toolchain) {
  return toolchain.rustc ? toolchain.rustc.version : "unknown";
}
function languageLine(language) {
  return `${language.language}: ${plural2(language.hits, "hit")}, ${plural2(
    language.misses,
    "miss",
    "misses"
  )}, ${plural2(language.errors, "cache error")}: hit rate ${formatRate(
    language.hitRate
  )}, effective hit rate ${formatRate(language.effectiveHitRate)}`;
}
function levelWhere(level) {
  const where = [level.bucket, level.prefix, level.path].filter(Boolean);
  return `${level.backend}${where.length ? ` ${where.join(" ")}` : ""}`;
}
var CLIENT_SIDE_REQUESTS = " (client-side mode: sccache counted none, so this is the sum of their outcomes)";
var LEVEL_LOOKUPS_NOT_COUNTED = "hits and misses not counted (client-side mode: the wrappers read the cache)";
function levelLine(level) {
  const backfills = [
    level.backfillsTo ? `${level.backfillsTo} copied in from slower levels` : "",
    level.backfillsFrom ? `${level.backfillsFrom} copied out to faster levels` : ""
  ].filter(Boolean);
  const lookups = level.countsRecorded ? `${plural2(level.hits, "hit")}, ${plural2(
    level.misses,
    "miss",
    "misses"
  )}, hit rate ${formatRate(level.hitRate)}` : LEVEL_LOOKUPS_NOT_COUNTED;
  return `${level.name} ${levelWhere(level)}: ${lookups}, ${plural2(
    level.writes,
    "write"
  )}, ${plural2(
    level.writeFailures,
    "write failure"
  )}${backfills.length ? `, ${backfills.join(", ")}` : ""}`;
}
var NOT_COUNTED = "not counted: sccache before 0.6 counts a failed write as a write";
function failureCount(metrics, kind) {
  const { failures } = metrics;
  if (kind === "writeErrors" && !failures.writeErrorsCounted)
    return NOT_COUNTED;
  return String(failures[kind]);
}
function failureSummary(metrics, kind) {
  const label = CACHE_FAILURE_KINDS[kind].label.toLowerCase();
  const count2 = failureCount(metrics, kind);
  return count2 === NOT_COUNTED ? `${label} ${count2}` : `${count2} ${label}`;
}
function rustLines2(metrics) {
  const lines = metrics.languages.map(languageLine);
  if (!metrics.rustCompiled) lines.unshift(`Rust: ${NO_RUST}`);
  return lines;
}
function formatConsoleSummary(report, metrics, outputPath) {
  const { source } = report;
  const lines = [
    `rust-build-cache: ${formatRepository(source.repository)} workspace ${source.workspacePath}, run ${source.ci.runId} attempt ${source.ci.runAttempt}, job ${source.ci.job}`
  ];
  if (report.sccache && metrics) {
    lines.push(
      `  sccache ${report.sccache.version ?? "(version not reported)"}, cache: ${report.sccache.cache.location}`,
      ...rustLines2(metrics).map((line) => `  ${line}`)
    );
    if (metrics.cacheLevels) {
      lines.push("  Cache levels:");
      for (const level of metrics.cacheLevels)
        lines.push(`    ${levelLine(level)}`);
    }
    lines.push(
      `  Cache failures: ${FAILURE_ORDER.map(
        (kind) => failureSummary(metrics, kind)
      ).join(", ")}`
    );
    for (const kind of FAILURE_ORDER) {
      if (metrics.failures[kind] === 0) continue;
      const { label, meaning, fix } = CACHE_FAILURE_KINDS[kind];
      lines.push(
        `    ${label} \xD7${metrics.failures[kind]}: ${meaning} Fix: ${fix}`
      );
    }
    const reasons = describeNonCacheable(report, metrics);
    const probes = reasons.filter((line) => line.cargoProbe);
    const compiles = reasons.filter((line) => !line.cargoProbe);
    if (compiles.length > 0) lines.push("  Not cacheable:");
    for (const line of compiles)
      lines.push(`    ${line.reason} \xD7${line.count}: ${fixText(line)}`);
    if (probes.length > 0) {
      lines.push(
        `  Cargo's own probes (nothing to fix): ${probes.map((line) => `${line.reason} \xD7${line.count}`).join(", ")}`
      );
    }
  }
  const toolchain = toolchainStatus(report);
  lines.push(`  Toolchain (${toolchain.status}): ${toolchain.detail}`);
  for (const problem of report.problems ?? []) {
    lines.push(`  Problem: ${problem.file}: ${problem.message}`);
  }
  lines.push(`  Report written to ${outputPath}`);
  return `${lines.join("\n")}
`;
}
function cell(text3) {
  return text3.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function markdownLanguages(metrics) {
  const lines = [
    "| Language | Hit rate | Effective hit rate | Hits | Misses | Cache errors |",
    "|---|---|---|---|---|---|",
    ...metrics.languages.map(
      (l) => `| ${cell(l.language)} | ${formatRate(l.hitRate)} | ${formatRate(
        l.effectiveHitRate
      )} | ${l.hits} | ${l.misses} | ${l.errors} |`
    ),
    ""
  ];
  if (!metrics.rustCompiled) lines.unshift(`**Rust:** ${NO_RUST}.`, "");
  return lines;
}
function markdownLevels(levels) {
  return [
    "#### Cache levels",
    "",
    "| Level | Backend | Location | Hit rate | Hits | Misses | Writes | Write failures | Copied in / out |",
    "|---|---|---|---|---|---|---|---|---|",
    ...levels.map(
      (l) => `| ${cell(l.name)} | ${l.backend} | \`${cell(
        l.location
      )}\` | ${formatRate(l.hitRate)} | ${l.countsRecorded ? l.hits : "not counted"} | ${l.countsRecorded ? l.misses : "not counted"} | ${l.writes} | ${l.writeFailures} | ${l.backfillsTo ?? "n/a"} / ${l.backfillsFrom ?? "n/a"} |`
    ),
    "",
    ...levels.some((l) => !l.countsRecorded) ? [
      `Per-level ${LEVEL_LOOKUPS_NOT_COUNTED}: sccache counts a level's hits and misses only for lookups its server makes.`,
      ""
    ] : []
  ];
}
function markdownFailures(metrics) {
  return [
    "#### Cache failures",
    "",
    "| Failure | Count | Meaning | Fix |",
    "|---|---|---|---|",
    ...FAILURE_ORDER.map((kind) => {
      const { label, meaning, fix } = CACHE_FAILURE_KINDS[kind];
      return `| ${label} | ${cell(failureCount(metrics, kind))} | ${cell(
        meaning
      )} | ${cell(fix)} |`;
    }),
    ""
  ];
}
function formatMarkdownSummary(report, metrics) {
  const { source } = report;
  const lines = [
    `### Rust build cache: \`${cell(source.workspacePath)}\` (${cell(
      formatRepository(source.repository)
    )})`,
    ""
  ];
  if (report.sccache && metrics) {
    lines.push(
      ...markdownLanguages(metrics),
      `${metrics.requests} compile requests${metrics.clientSideMode ? CLIENT_SIDE_REQUESTS : ""}; sccache ${cell(
        report.sccache.version ?? "(version not reported)"
      )}, cache: \`${cell(report.sccache.cache.location)}\``,
      ""
    );
    if (metrics.cacheLevels) lines.push(...markdownLevels(metrics.cacheLevels));
    lines.push(...markdownFailures(metrics));
    const reasons = describeNonCacheable(report, metrics);
    if (reasons.length > 0) {
      lines.push(
        "#### Not cacheable",
        "",
        "| Reason | Count | Cause | Fix |",
        "|---|---|---|---|"
      );
      for (const line of reasons) {
        lines.push(
          `| \`${cell(line.reason)}\` | ${line.count} | ${cell(
            causeText(line)
          )} | ${cell(fixText(line))} |`
        );
      }
      lines.push("");
    }
  }
  const toolchain = toolchainStatus(report);
  lines.push(
    "#### Toolchain",
    "",
    "| Pinned | rustc used | Pin vs rustc |",
    "|---|---|---|",
    `| ${cell(describePin(report))} | ${cell(
      describeRustc(report.toolchain)
    )} | **${toolchain.status}**: ${cell(toolchain.detail)} |`,
    ""
  );
  const problems = report.problems ?? [];
  if (problems.length > 0) {
    lines.push(
      "#### Problems (recorded in the report)",
      "",
      "| File | Problem |",
      "|---|---|",
      ...problems.map(
        (problem) => `| \`${cell(problem.file)}\` | ${cell(problem.message)} |`
      ),
      ""
    );
  }
  return `${lines.join("\n")}
`;
}

// packages/ci-reporter/src/commands/collect.ts
var import_node_path8 = require("node:path");

// packages/ci-reporter/src/ci/detectCi.ts
function nonEmpty2(value) {
  return value && value.trim() !== "" ? value.trim() : null;
}
function positiveInteger(value) {
  const text3 = nonEmpty2(value);
  return text3 && /^\d+$/.test(text3) && Number(text3) >= 1 ? Number(text3) : null;
}
function isoTimestamp(value) {
  const text3 = nonEmpty2(value);
  const time3 = text3 ? Date.parse(text3) : NaN;
  return Number.isNaN(time3) ? null : new Date(time3).toISOString();
}
function hostOfUrl(url2) {
  try {
    return new URL(url2).host || null;
  } catch {
    return null;
  }
}
function fromGitHubActions(env) {
  const serverUrl = (nonEmpty2(env.GITHUB_SERVER_URL) ?? "https://github.com").replace(/\/+$/, "");
  const slug = nonEmpty2(env.GITHUB_REPOSITORY);
  const project = slug ? splitProjectPath(slug) : null;
  const host = hostOfUrl(serverUrl);
  const runId = nonEmpty2(env.GITHUB_RUN_ID);
  const runAttempt = positiveInteger(env.GITHUB_RUN_ATTEMPT);
  const runUrl = slug && runId ? `${serverUrl}/${slug}/actions/runs/${runId}${runAttempt ? `/attempts/${runAttempt}` : ""}` : null;
  return {
    provider: "github-actions",
    repository: host && project ? { host, ...project } : null,
    runId,
    runAttempt,
    job: nonEmpty2(env.GITHUB_JOB),
    // On pull requests GITHUB_REF_NAME is `<number>/merge`; the head branch is more useful.
    branch: nonEmpty2(env.GITHUB_HEAD_REF) ?? nonEmpty2(env.GITHUB_REF_NAME),
    commit: nonEmpty2(env.GITHUB_SHA),
    url: runUrl,
    startedAt: null
  };
}
function fromGitLabCi(env) {
  const host = nonEmpty2(env.CI_SERVER_HOST);
  const projectPath = nonEmpty2(env.CI_PROJECT_PATH);
  const project = projectPath ? splitProjectPath(projectPath) : null;
  return {
    provider: "gitlab-ci",
    repository: host && project ? { host, ...project } : null,
    runId: nonEmpty2(env.CI_PIPELINE_ID),
    runAttempt: null,
    job: nonEmpty2(env.CI_JOB_NAME) ?? nonEmpty2(env.CI_JOB_ID),
    branch: nonEmpty2(env.CI_COMMIT_REF_NAME),
    commit: nonEmpty2(env.CI_COMMIT_SHA),
    url: nonEmpty2(env.CI_JOB_URL),
    startedAt: isoTimestamp(env.CI_JOB_STARTED_AT)
  };
}
function fromBuildkite(env) {
  const remote = nonEmpty2(env.BUILDKITE_REPO);
  const retryCount = nonEmpty2(env.BUILDKITE_RETRY_COUNT);
  const buildUrl = nonEmpty2(env.BUILDKITE_BUILD_URL);
  const jobId = nonEmpty2(env.BUILDKITE_JOB_ID);
  const commit = nonEmpty2(env.BUILDKITE_COMMIT);
  return {
    provider: "buildkite",
    repository: remote ? parseRepositoryUrl(remote) : null,
    runId: nonEmpty2(env.BUILDKITE_BUILD_ID) ?? nonEmpty2(env.BUILDKITE_BUILD_NUMBER),
    runAttempt: retryCount && /^\d+$/.test(retryCount) ? Number(retryCount) + 1 : null,
    // The step key is stable across edits of the label; the label is what people see.
    job: nonEmpty2(env.BUILDKITE_STEP_KEY) ?? nonEmpty2(env.BUILDKITE_LABEL) ?? jobId,
    branch: nonEmpty2(env.BUILDKITE_BRANCH),
    // Builds triggered without a resolved commit carry the literal `HEAD`.
    commit: commit === "HEAD" ? null : commit,
    url: buildUrl && jobId ? `${buildUrl}#${jobId}` : buildUrl,
    startedAt: null
  };
}
var UNKNOWN_CI = {
  provider: "generic",
  repository: null,
  runId: null,
  runAttempt: null,
  job: null,
  branch: null,
  commit: null,
  url: null,
  startedAt: null
};
function detectCi(env) {
  if (env.GITHUB_ACTIONS === "true") return fromGitHubActions(env);
  if (env.GITLAB_CI === "true") return fromGitLabCi(env);
  if (env.BUILDKITE === "true") return fromBuildkite(env);
  return UNKNOWN_CI;
}

// packages/ci-reporter/src/ci/reportSource.ts
var OVERRIDE_NAMES = {
  repository: { flag: "--repository", env: "RUST_BUILD_CACHE_REPOSITORY" },
  runId: { flag: "--run-id", env: "RUST_BUILD_CACHE_RUN_ID" },
  runAttempt: { flag: "--run-attempt", env: "RUST_BUILD_CACHE_RUN_ATTEMPT" },
  job: { flag: "--job", env: "RUST_BUILD_CACHE_JOB" },
  branch: { flag: "--branch", env: "RUST_BUILD_CACHE_BRANCH" },
  commit: { flag: "--commit", env: "RUST_BUILD_CACHE_COMMIT" },
  runUrl: { flag: "--run-url", env: "RUST_BUILD_CACHE_RUN_URL" },
  startedAt: { flag: "--started-at", env: "RUST_BUILD_CACHE_STARTED_AT" }
};
var DEFAULT_JOB = "build";
async function resolveReportSource(inputs) {
  const { overrides, env, ci, git } = inputs;
  const explicit = (key) => {
    const { flag, env: variable } = OVERRIDE_NAMES[key];
    const fromFlag = overrides[key];
    if (fromFlag !== void 0) return { value: fromFlag, origin: flag };
    const fromEnv = env[variable];
    return fromEnv !== void 0 && fromEnv.trim() !== "" ? { value: fromEnv.trim(), origin: variable } : null;
  };
  const runAttempt = explicit("runAttempt");
  const startedAtValue = explicit("startedAt");
  const runUrl = explicit("runUrl");
  const startedAt = startedAtValue ? parseTimestamp(startedAtValue.value, startedAtValue.origin) : ci.startedAt;
  return {
    repository: await resolveRepository(explicit("repository"), ci, git),
    workspacePath: inputs.workspacePath,
    branch: explicit("branch")?.value ?? ci.branch ?? await git.branch(),
    commit: explicit("commit")?.value ?? ci.commit ?? await git.commit(),
    ci: {
      provider: ci.provider,
      runId: explicit("runId")?.value ?? ci.runId ?? missingRunId(ci),
      runAttempt: runAttempt ? parsePositiveInteger(runAttempt.value, runAttempt.origin) : ci.runAttempt ?? 1,
      job: explicit("job")?.value ?? ci.job ?? DEFAULT_JOB,
      url: runUrl ? parseWebUrl(runUrl) : ciRunUrl(ci, inputs.warn)
    },
    startedAt: checkedStartedAt(
      startedAt,
      startedAtValue?.origin ?? `the ${ci.provider} variables`,
      inputs
    ),
    finishedAt: inputs.finishedAt.toISOString()
  };
}
async function resolveRepository(explicit, ci, git) {
  if (explicit) {
    const repository = parseRepositorySlug(explicit.value);
    if (!repository) {
      throw new UsageError(
        `${explicit.origin} must be host/owner/name, e.g. github.com/acme/billing, got '${explicit.value}'`
      );
    }
    return repository;
  }
  if (ci.repository) return ci.repository;
  const origin = await git.originUrl();
  const fromGit = origin ? parseRepositoryUrl(origin) : null;
  if (fromGit) return fromGit;
  throw new UsageError(
    `cannot tell which repository this is: ${describeCi(ci)} and ${origin ? `git remote 'origin' (${origin}) is not a host/owner/name URL` : "git has no remote 'origin' here"}. Pass --repository host/owner/name or set RUST_BUILD_CACHE_REPOSITORY.`
  );
}
function missingRunId(ci) {
  throw new UsageError(
    `cannot tell which CI run this is: ${describeCi(
      ci
    )}. Pass --run-id or set RUST_BUILD_CACHE_RUN_ID.`
  );
}
function describeCi(ci) {
  return ci.provider === "generic" ? "no known CI provider (GitHub Actions, GitLab CI, Buildkite) was detected" : `the ${ci.provider} variables do not say`;
}
function normalisedWebUrl(value) {
  try {
    const { href } = new URL(value);
    return isWebUrl(href) ? href : null;
  } catch {
    return null;
  }
}
function parseWebUrl({ value, origin }) {
  const url2 = normalisedWebUrl(value);
  if (!url2) {
    throw new UsageError(`${origin} must be an http(s) URL, got '${value}'`);
  }
  return url2;
}
function ciRunUrl(ci, warn) {
  if (ci.url === null) return null;
  const url2 = normalisedWebUrl(ci.url);
  if (!url2) {
    warn(
      `leaving out the run URL '${ci.url}' of the ${ci.provider} variables: not an http(s) URL`
    );
  }
  return url2;
}
function checkedStartedAt(startedAt, origin, { finishedAt, warn }) {
  if (startedAt === null) return null;
  const time3 = Date.parse(startedAt);
  let problem = null;
  if (time3 > finishedAt.getTime()) {
    problem = `after the finish time ${finishedAt.toISOString()} (clock skew between the CI server and this runner?)`;
  } else if (time3 < Date.parse(EARLIEST_REPORT_TIME)) {
    problem = `before ${EARLIEST_REPORT_TIME}`;
  }
  if (problem) {
    warn(`leaving out the start time ${startedAt} from ${origin}: ${problem}`);
    return null;
  }
  return startedAt;
}

// packages/ci-reporter/src/lib/cargoFiles.ts
var import_node_path3 = require("node:path");

// packages/ci-reporter/src/lib/problems.ts
var import_node_path2 = require("node:path");
var MAX_MESSAGE_LENGTH = 1e3;
var InputProblems = class {
  constructor(options) {
    this.options = options;
  }
  options;
  problems = [];
  /** Records that the `label` file at `path` (e.g. `Cargo.lock`) is broken. */
  add(label, path, message) {
    const { system, repoRoot, warn } = this.options;
    const oneLine2 = message.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
    warn(
      `${label} at ${displayPath(
        system.cwd,
        path
      )}: ${oneLine2} (recorded in the report as a problem)`
    );
    if (this.problems.length >= MAX_REPORT_PROBLEMS) return;
    this.problems.push({
      file: relativeInside(repoRoot, path) ?? (0, import_node_path2.basename)(path),
      message: oneLine2.length > MAX_MESSAGE_LENGTH ? `${oneLine2.slice(0, MAX_MESSAGE_LENGTH - 1)}\u2026` : oneLine2 || "unknown problem"
    });
  }
  list() {
    return [...this.problems];
  }
};
async function readOptionalInput(system, problems, options) {
  const { path, label } = options;
  let content;
  try {
    content = await system.readTextFile(path);
  } catch (error2) {
    problems.add(label, path, `cannot be read (${errorMessage(error2)})`);
    return null;
  }
  if (content === null) {
    if (options.ifMissing instanceof Error) throw options.ifMissing;
    if (options.ifMissing === "problem") {
      problems.add(label, path, "file not found");
    }
    return null;
  }
  try {
    return options.parse(content);
  } catch (error2) {
    if (!(error2 instanceof options.parseError)) throw error2;
    const prefix = `${label}: `;
    const { message } = error2;
    problems.add(
      label,
      path,
      message.startsWith(prefix) ? message.slice(prefix.length) : message
    );
    return null;
  }
}

// packages/ci-reporter/src/lib/cargoFiles.ts
var SLOWEST_UNITS = 10;
async function readDependencies(system, workspaceDir, problems) {
  return readOptionalInput(system, problems, {
    path: (0, import_node_path3.join)(workspaceDir, "Cargo.lock"),
    label: "Cargo.lock",
    parse: analyzeCargoLock,
    parseError: CargoLockError
  });
}
async function readProfiles(system, workspaceDir, problems) {
  const profiles = await readOptionalInput(system, problems, {
    path: (0, import_node_path3.join)(workspaceDir, "Cargo.toml"),
    label: "Cargo.toml",
    parse: parseCargoProfiles,
    parseError: CargoManifestError,
    ifMissing: new InputError(
      `no Cargo.toml in ${displayPath(
        system.cwd,
        workspaceDir
      )}: --workspace must be the root directory of a Cargo workspace`
    )
  });
  return profiles ?? {};
}
async function readTimings(system, location, problems) {
  return readOptionalInput(system, problems, {
    path: timingsPath(system, location),
    label: "cargo timings",
    parse: (content) => parseCargoTimingsHtml(content, SLOWEST_UNITS),
    parseError: CargoTimingsError,
    ifMissing: location.timingsFile !== void 0 ? "problem" : "ignore"
  });
}
function timingsPath(system, location) {
  if (location.timingsFile !== void 0)
    return (0, import_node_path3.resolve)(system.cwd, location.timingsFile);
  const targetDir = location.targetDir ?? (system.env.CARGO_TARGET_DIR || (0, import_node_path3.join)(location.workspaceDir, "target"));
  return (0, import_node_path3.join)(
    (0, import_node_path3.resolve)(system.cwd, targetDir),
    "cargo-timings",
    "cargo-timing.html"
  );
}

// packages/ci-reporter/src/lib/git.ts
function createGitQueries(system, dir) {
  const cache = /* @__PURE__ */ new Map();
  const ask = (...args) => {
    const key = args.join(" ");
    let answer = cache.get(key);
    if (!answer) {
      answer = system.runCommand("git", args, { cwd: dir }).then(
        (outcome) => outcome.found && outcome.exitCode === 0 && outcome.stdout.trim() !== "" ? outcome.stdout.trim() : null
      );
      cache.set(key, answer);
    }
    return answer;
  };
  return {
    toplevel: () => ask("rev-parse", "--show-toplevel"),
    // A detached HEAD (usual in CI checkouts) has no branch name: git prints `HEAD`.
    branch: async () => {
      const name = await ask("rev-parse", "--abbrev-ref", "HEAD");
      return name === "HEAD" ? null : name;
    },
    commit: () => ask("rev-parse", "HEAD"),
    originUrl: () => ask("remote", "get-url", "origin")
  };
}

// packages/ci-reporter/src/lib/keyInputs.ts
var import_node_path4 = require("node:path");
function resolveCargoHome(system) {
  const { env } = system;
  if (env.CARGO_HOME) {
    return (0, import_node_path4.isAbsolute)(env.CARGO_HOME) ? env.CARGO_HOME : (0, import_node_path4.resolve)(system.cwd, env.CARGO_HOME);
  }
  const home = env.HOME || env.USERPROFILE;
  return home ? (0, import_node_path4.resolve)(system.cwd, (0, import_node_path4.join)(home, ".cargo")) : null;
}
function readKeyInputs(system, workspaceDir, redactPaths) {
  return collectKeyInputs({
    env: system.env,
    workspaceDir,
    cargoHome: resolveCargoHome(system),
    redactPaths
  });
}

// packages/ci-reporter/src/lib/rustc.ts
async function readRustcInfo(system, workspaceDir, warn) {
  const rustc = system.env.RUSTC || "rustc";
  const outcome = await system.runCommand(rustc, ["-vV"], {
    cwd: workspaceDir
  });
  const unknown2 = "the report will not say which rustc built the workspace";
  if (!outcome.found) {
    warn(`'${rustc}' not found: ${unknown2}`);
    return null;
  }
  if (outcome.exitCode !== 0) {
    const cause = outcome.stderr.split(/^Stack backtrace:/m)[0].replace(/\s+/g, " ").trim().slice(0, 500);
    warn(
      `'${rustc} -vV' failed with exit code ${outcome.exitCode} in ${workspaceDir}: ${cause}; ${unknown2}`
    );
    return null;
  }
  try {
    return parseRustcVersion(outcome.stdout);
  } catch (error2) {
    if (!(error2 instanceof RustcVersionError)) throw error2;
    warn(
      `the output of '${rustc} -vV' is not rustc's version information (${error2.message}): ${unknown2}`
    );
    return null;
  }
}

// packages/ci-reporter/src/lib/sccache.ts
var import_node_path5 = require("node:path");
var SHOW_STATS_ARGS = ["--show-stats", "--stats-format=json"];
async function readSccacheStats(system, options, warn) {
  const stats = options.statsFile !== void 0 ? await readStatsFile(system, (0, import_node_path5.resolve)(system.cwd, options.statsFile)) : await queryServer(system, options.workspaceDir);
  if (countCompileRequests(stats.counters).requests === 0) {
    warn(
      "sccache reports no compile requests. Its statistics belong to one server process: check that the build ran with RUSTC_WRAPPER=sccache against the same server (same SCCACHE_SERVER_PORT), and that the server was not stopped (it exits after SCCACHE_IDLE_TIMEOUT, 600 s by default) or zeroed since."
    );
  }
  return stats;
}
async function readStatsFile(system, path) {
  const content = await readRequiredInputFile(
    system,
    path,
    "sccache statistics"
  );
  try {
    return parseSccacheStats(content);
  } catch (error2) {
    return rethrowForFile(
      error2,
      SccacheStatsError,
      "sccache statistics",
      displayPath(system.cwd, path)
    );
  }
}
async function queryServer(system, workspaceDir) {
  const binary = system.env.SCCACHE_PATH || "sccache";
  const command2 = `${binary} ${SHOW_STATS_ARGS.join(" ")}`;
  const outcome = await system.runCommand(binary, SHOW_STATS_ARGS, {
    cwd: workspaceDir
  });
  if (!outcome.found) {
    const where = system.env.SCCACHE_PATH ? `SCCACHE_PATH=${binary} does not exist` : "no 'sccache' on PATH";
    throw new InputError(
      `sccache not found (${where}). Run collect where the build ran, or save the statistics right after the build with '${command2} > stats.json' and pass --sccache-stats stats.json`
    );
  }
  if (outcome.exitCode !== 0) {
    throw new InputError(
      `'${command2}' failed with exit code ${outcome.exitCode}: ${outcome.stderr.trim()}`
    );
  }
  try {
    return parseSccacheStats(outcome.stdout);
  } catch (error2) {
    return rethrowForFile(
      error2,
      SccacheStatsError,
      "sccache statistics",
      `the output of '${command2}'`
    );
  }
}

// packages/ci-reporter/src/lib/toolchain.ts
var import_node_path7 = require("node:path");

// packages/ci-reporter/src/lib/workspace.ts
var import_node_path6 = require("node:path");
async function resolveWorkspaceDir(system, workspaceFlag) {
  const requested = (0, import_node_path6.resolve)(system.cwd, workspaceFlag ?? ".");
  const dir = await system.resolveDirectory(requested);
  if (!dir) {
    throw new InputError(
      `workspace directory ${displayPath(
        system.cwd,
        requested
      )}: not found or not a directory`
    );
  }
  return dir;
}
async function resolveRepoRoot(system, git, repoRootFlag) {
  const requested = repoRootFlag !== void 0 ? (0, import_node_path6.resolve)(system.cwd, repoRootFlag) : await git.toplevel();
  if (requested === null)
    return await system.resolveDirectory(system.cwd) ?? system.cwd;
  const dir = await system.resolveDirectory(requested);
  if (!dir) {
    throw new InputError(
      `repository root ${displayPath(
        system.cwd,
        requested
      )}: not found or not a directory`
    );
  }
  return dir;
}
function workspacePathInRepo(repoRoot, workspaceDir) {
  const path = relativeInside(repoRoot, workspaceDir);
  if (path === null) {
    throw new UsageError(
      `the workspace ${workspaceDir} is not inside the repository root ${repoRoot}: pass --repo-root`
    );
  }
  return path;
}
function directoriesUpToRoot(workspaceDir, repoRoot) {
  const directories = [workspaceDir];
  let current = workspaceDir;
  while (current !== repoRoot) {
    const parent = (0, import_node_path6.resolve)(current, "..");
    if (parent === current) break;
    directories.push(parent);
    current = parent;
  }
  return directories;
}

// packages/ci-reporter/src/lib/toolchain.ts
var FILE_NAMES = [
  "rust-toolchain",
  "rust-toolchain.toml"
];
async function readToolchainFile(system, workspaceDir, repoRoot, problems) {
  for (const dir of directoriesUpToRoot(workspaceDir, repoRoot)) {
    const files = {};
    for (const name of FILE_NAMES) {
      try {
        files[name] = await system.readTextFile((0, import_node_path7.join)(dir, name));
      } catch (error2) {
        problems.add(
          "toolchain file",
          (0, import_node_path7.join)(dir, name),
          `cannot be read (${errorMessage(error2)})`
        );
        return null;
      }
    }
    if (FILE_NAMES.every((name) => files[name] === null)) continue;
    try {
      return selectToolchainFile(files);
    } catch (error2) {
      if (!(error2 instanceof ToolchainFileError)) throw error2;
      const prefix = `${error2.file}: `;
      problems.add(
        "toolchain file",
        (0, import_node_path7.join)(dir, error2.file),
        error2.message.startsWith(prefix) ? error2.message.slice(prefix.length) : error2.message
      );
      return null;
    }
  }
  return null;
}

// packages/ci-reporter/src/commands/collect.ts
var DEFAULT_REPORT_FILE = "rust-build-cache-report.json";
var collectHelp = `Usage: rust-build-cache collect [flags]

Collects sccache statistics, the toolchain pin, the Cargo.lock fingerprint, Cargo profiles,
cache-relevant environment variables and cargo timings of one build into a report file.
Run it right after the build, in the same job and environment: the workspace directory,
the cargo home and the CARGO_* variables are part of sccache's Rust cache keys, and the
report records the paths and, of every CARGO_* variable, the sha256 of its value (never
the value).

Inputs:
  --workspace DIR        Cargo workspace root (default: .)
  --repo-root DIR        repository root (default: git top level of the workspace, else .)
  --sccache-stats FILE   output of 'sccache --show-stats --stats-format=json'
                         (default: run that command; the binary is $SCCACHE_PATH or 'sccache')
  --timings FILE         cargo-timing.html of 'cargo build --timings'
                         (default: <target-dir>/cargo-timings/cargo-timing.html if present)
  --target-dir DIR       cargo's target directory (default: $CARGO_TARGET_DIR, else <workspace>/target)
  --kind ci|prewarm      a normal CI build, or a job that pre-warms the cache (default: ci)
  --cargo-profile NAME   [RUST_BUILD_CACHE_CARGO_PROFILE] the cargo profile the build used:
                         dev, release or a custom one (cargo has no variable for it)
  --target TRIPLE        [CARGO_BUILD_TARGET] the target triple the build compiled for
                         (default: unknown, i.e. the host triple)

Output:
  --output FILE          report file to write (default: ${DEFAULT_REPORT_FILE})
  --redact-paths         record the workspace directory and the cargo home only as their
                         sha256 (they are part of sccache's Rust cache keys; by default
                         the report holds the absolute paths)
  --strict               exit 1 when an input file is broken (after writing the report)

Run identity (detected on GitHub Actions, GitLab CI and Buildkite; each flag can also be set
with the environment variable in brackets, and flags win):
  --repository HOST/OWNER/NAME   [RUST_BUILD_CACHE_REPOSITORY]  (else CI variables, else git remote 'origin')
  --run-id ID                    [RUST_BUILD_CACHE_RUN_ID]      required outside a known CI
  --run-attempt N                [RUST_BUILD_CACHE_RUN_ATTEMPT] (default: 1)
  --job NAME                     [RUST_BUILD_CACHE_JOB]         (default: build)
  --branch NAME                  [RUST_BUILD_CACHE_BRANCH]      (else CI variables, else git)
  --commit SHA                   [RUST_BUILD_CACHE_COMMIT]      (else CI variables, else git)
  --run-url URL                  [RUST_BUILD_CACHE_RUN_URL]
  --started-at TIMESTAMP         [RUST_BUILD_CACHE_STARTED_AT]  ISO 8601 with time zone

Other environment variables: RUSTC (rustc to ask for its version, default 'rustc'),
SCCACHE_PATH, CARGO_TARGET_DIR, GITHUB_STEP_SUMMARY (a Markdown summary is appended on
GitHub Actions).

A broken toolchain file, Cargo.lock, Cargo.toml or timings file (or a missing --timings
file) does not cost the build's statistics: the report is written without what that file
would tell, records the file and what is wrong with it in "problems", and collect prints a
warning. The policy counts a broken toolchain file or Cargo.lock as a failing pin.

Exit codes: 0 report written (with --strict: and no input file is broken), 1 no report
(the sccache statistics or the run identity are missing or invalid, the workspace has no
Cargo.toml, the report cannot be written) or, with --strict, a report with problems,
2 bad command line.
`;
var COLLECT_OPTIONS = {
  help: { type: "boolean", short: "h" },
  workspace: { type: "string" },
  "repo-root": { type: "string" },
  "sccache-stats": { type: "string" },
  timings: { type: "string" },
  "target-dir": { type: "string" },
  kind: { type: "string" },
  output: { type: "string" },
  repository: { type: "string" },
  "run-id": { type: "string" },
  "run-attempt": { type: "string" },
  job: { type: "string" },
  branch: { type: "string" },
  commit: { type: "string" },
  "run-url": { type: "string" },
  "started-at": { type: "string" },
  "cargo-profile": { type: "string" },
  target: { type: "string" },
  strict: { type: "boolean" },
  "redact-paths": { type: "boolean" }
};
function parseKind(value) {
  if (value === void 0 || value === "ci" || value === "prewarm")
    return value ?? "ci";
  throw new UsageError(`--kind must be 'ci' or 'prewarm', got '${value}'`);
}
async function collectCommand(args, system) {
  const flags = parseCommandArgs("collect", args, COLLECT_OPTIONS);
  if (flags.help) {
    system.stdout(collectHelp);
    return EXIT_OK;
  }
  const options = toCollectOptions(flags);
  const warn = (message) => system.stderr(`warning: ${message}
`);
  const report = await buildReport(system, options, warn);
  const outputPath = (0, import_node_path8.resolve)(system.cwd, options.output);
  await writeReport(system, outputPath, report);
  const metrics = report.sccache ? computeRunMetrics(report.sccache) : null;
  const shownPath = displayPath(system.cwd, outputPath);
  system.stderr(formatConsoleSummary(report, metrics, shownPath));
  await appendGitHubStepSummary(
    system,
    formatMarkdownSummary(report, metrics),
    warn
  );
  const problems = report.problems?.length ?? 0;
  if (options.strict && problems > 0) {
    system.stderr(
      `rust-build-cache collect: error: ${problems} input file(s) are broken (--strict); the report was written anyway
`
    );
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}
function toCollectOptions(flags) {
  const overrides = {
    repository: flags.repository,
    runId: flags["run-id"],
    runAttempt: flags["run-attempt"],
    job: flags.job,
    branch: flags.branch,
    commit: flags.commit,
    runUrl: flags["run-url"],
    startedAt: flags["started-at"]
  };
  rejectEmptyOverrides(overrides);
  return {
    kind: parseKind(flags.kind),
    overrides,
    workspace: flags.workspace,
    repoRoot: flags["repo-root"],
    sccacheStats: flags["sccache-stats"],
    timings: flags.timings,
    targetDir: flags["target-dir"],
    cargoProfile: checkedBuildName("--cargo-profile", flags["cargo-profile"]),
    target: checkedBuildName("--target", flags.target),
    output: flags.output ?? DEFAULT_REPORT_FILE,
    strict: flags.strict ?? false,
    redactPaths: flags["redact-paths"] ?? false
  };
}
function checkedBuildName(flag, value) {
  if (value === void 0) return void 0;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) {
    throw new UsageError(
      `${flag} must be a name of letters, digits, '.', '-' and '_', got '${value}'`
    );
  }
  return value;
}
function buildProfileAndTarget(options, env) {
  const fromEnv = (name) => {
    const value = env[name]?.trim();
    return value ? checkedBuildName(name, value) : void 0;
  };
  return {
    cargoProfile: options.cargoProfile ?? fromEnv("RUST_BUILD_CACHE_CARGO_PROFILE") ?? null,
    target: options.target ?? fromEnv("CARGO_BUILD_TARGET") ?? null
  };
}
async function buildReport(system, options, warn) {
  const workspaceDir = await resolveWorkspaceDir(system, options.workspace);
  const rustcWarnings = [];
  const rustcRead = readRustcInfo(
    system,
    workspaceDir,
    (message) => rustcWarnings.push(message)
  );
  rustcRead.catch(() => {
  });
  const git = createGitQueries(system, workspaceDir);
  const repoRoot = await resolveRepoRoot(system, git, options.repoRoot);
  const source = await resolveReportSource({
    overrides: options.overrides,
    env: system.env,
    ci: detectCi(system.env),
    git,
    workspacePath: workspacePathInRepo(repoRoot, workspaceDir),
    finishedAt: system.now(),
    warn
  });
  const statsFile = options.sccacheStats;
  const problems = new InputProblems({ system, repoRoot, warn });
  const sccache = await readSccacheStats(
    system,
    { statsFile, workspaceDir },
    warn
  );
  const toolchainFile = await readToolchainFile(
    system,
    workspaceDir,
    repoRoot,
    problems
  );
  const dependencies = await readDependencies(system, workspaceDir, problems);
  const profiles = await readProfiles(system, workspaceDir, problems);
  const timings = await readTimings(
    system,
    {
      timingsFile: options.timings,
      targetDir: options.targetDir,
      workspaceDir
    },
    problems
  );
  const rustc = await rustcRead.finally(() => rustcWarnings.forEach(warn));
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: options.kind,
    source,
    sccache,
    toolchain: { file: toolchainFile, rustc },
    dependencies,
    build: {
      profiles,
      ...buildProfileAndTarget(options, system.env),
      env: collectBuildEnv(system.env)
    },
    timings,
    keyInputs: readKeyInputs(system, workspaceDir, options.redactPaths)
  };
  if (problems.list().length > 0) report.problems = problems.list();
  const validation = validateReport(report, { now: system.now() });
  if (!validation.ok) {
    const issues = formatReportIssues(validation.issues);
    throw new InputError(
      `the collected report does not match report schema ${REPORT_SCHEMA_VERSION} (a flag value is out of range, or this is a bug):
${issues}`
    );
  }
  return validation.report;
}
function rejectEmptyOverrides(overrides) {
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== void 0 && value.trim() === "") {
      throw new UsageError(`${OVERRIDE_NAMES[key].flag} must not be empty`);
    }
  }
}
async function writeReport(system, path, report) {
  try {
    await system.writeTextFile(path, `${JSON.stringify(report, null, 2)}
`);
  } catch (error2) {
    throw new InputError(
      `cannot write the report to ${displayPath(
        system.cwd,
        path
      )}: ${errorMessage(error2)}`
    );
  }
}
async function appendGitHubStepSummary(system, markdown, warn) {
  const summaryFile = system.env.GITHUB_STEP_SUMMARY;
  if (system.env.GITHUB_ACTIONS !== "true" || !summaryFile) return;
  try {
    await system.appendTextFile(summaryFile, markdown);
  } catch (error2) {
    warn(
      `cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${errorMessage(
        error2
      )}`
    );
  }
}

// packages/ci-reporter/src/commands/push.ts
var import_node_path9 = require("node:path");

// packages/ci-reporter/src/lib/upload.ts
var BACKOFF_BASE_MS = 1e3;
var BACKOFF_MAX_MS = 3e4;
var MAX_RETRY_AFTER_MS = 6e4;
function backoffDelayMs(retryIndex, random) {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** retryIndex);
  return Math.round(ceiling * (0.5 + random() / 2));
}
function parseRetryAfter(value, now) {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1e3;
  const date5 = Date.parse(trimmed);
  return Number.isNaN(date5) ? null : Math.max(0, date5 - now.getTime());
}
async function uploadReport(system, options, report) {
  const { status, text: text3 } = await postWithRetries(
    system,
    options,
    JSON.stringify(report),
    [200, 201]
  );
  return { created: status === 201, response: parseIngestResponse(text3) };
}
async function uploadReportBatch(system, options, reports) {
  const { status, text: text3 } = await postWithRetries(
    system,
    options,
    JSON.stringify({ reports }),
    [200, 404]
  );
  if (status === 404) return "not-supported";
  const results = parseBatchResponse(text3, reports.length);
  if (!results) {
    throw new UploadError(
      `the server's answer to ${reports.length} reports was not the expected {"results": [...]} with one item per report`
    );
  }
  return results;
}
async function postWithRetries(system, options, body, answers) {
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    const outcome = await postOnce(system, options, body, answers);
    if (outcome.kind === "answered") return outcome;
    if (outcome.kind === "rejected") throw new UploadError(outcome.problem);
    if (attempt >= attempts) {
      throw new UploadError(
        `${outcome.problem} (gave up after ${attempts} attempt${attempts > 1 ? "s" : ""})`
      );
    }
    const delayMs = outcome.retryAfterMs ?? backoffDelayMs(attempt - 1, system.random);
    if (delayMs > MAX_RETRY_AFTER_MS) {
      throw new UploadError(
        `${outcome.problem}; the server asks to retry after ${Math.ceil(
          delayMs / 1e3
        )} s, longer than push waits (${MAX_RETRY_AFTER_MS / 1e3} s)`
      );
    }
    system.stderr(
      `warning: ${outcome.problem}; retrying in ${(delayMs / 1e3).toFixed(
        1
      )} s (attempt ${attempt + 1} of ${attempts})
`
    );
    await system.sleep(delayMs);
  }
}
async function postOnce(system, options, body, answers) {
  let response;
  let text3;
  try {
    response = await system.fetch(options.endpoint, {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.token}`,
        "content-type": "application/json",
        accept: "application/json"
      },
      body,
      // fetch would turn a redirected POST into a GET and lose the report.
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs)
    });
    text3 = await response.text();
  } catch (error2) {
    return {
      kind: "retryable",
      problem: describeNetworkError(error2, options),
      retryAfterMs: null
    };
  }
  if (answers.includes(response.status)) {
    return { kind: "answered", status: response.status, text: text3 };
  }
  return classifyAnswer(response, text3, system.now());
}
function describeNetworkError(error2, options) {
  if (errorField(error2, "name") === "TimeoutError") {
    return `no answer from ${options.endpoint} within ${options.timeoutMs} ms`;
  }
  const cause = errorField(error2, "cause");
  const code = errorField(cause, "code");
  const reason = typeof code === "string" ? code : errorMessage(cause ?? error2);
  return `cannot reach ${options.endpoint}: ${reason}`;
}
function classifyAnswer(response, text3, now) {
  const { status } = response;
  const problem = `the server answered ${status}${serverMessage(
    text3,
    response.statusText
  )}`;
  if (status === 408 || status === 429 || status >= 500) {
    return {
      kind: "retryable",
      problem,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now)
    };
  }
  if (status >= 300 && status < 400) {
    return {
      kind: "rejected",
      problem: `${problem}: a redirect to ${response.headers.get("location") ?? "(no location)"}; pass the backend's final base URL`
    };
  }
  if (status === 401 || status === 403) {
    return {
      kind: "rejected",
      problem: `${problem}: check the token (--token or RUST_BUILD_CACHE_TOKEN)`
    };
  }
  return { kind: "rejected", problem };
}
function serverMessage(text3, statusText) {
  try {
    const parsed = JSON.parse(text3);
    const error2 = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : null;
    if (error2 && typeof error2.message === "string") {
      return ` (${typeof error2.name === "string" ? `${error2.name}: ` : ""}${error2.message})`;
    }
  } catch {
  }
  const snippet = text3.trim().replace(/\s+/g, " ").slice(0, 300);
  if (snippet) return ` (${snippet})`;
  return statusText ? ` (${statusText})` : "";
}
function parseIngestResponse(text3) {
  try {
    return toIngestResponse(JSON.parse(text3));
  } catch {
  }
  return null;
}
function parseBatchResponse(text3, count2) {
  let parsed;
  try {
    parsed = JSON.parse(text3);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.results) || parsed.results.length !== count2) {
    return null;
  }
  const items = [];
  for (const item of parsed.results) {
    if (!isRecord(item)) return null;
    if (item.status === 200 || item.status === 201) {
      const response = toIngestResponse(item);
      if (!response) return null;
      items.push({ status: item.status, ...response });
    } else if (item.status === 400 || item.status === 500) {
      items.push({ status: item.status, error: String(item.error ?? "") });
    } else {
      return null;
    }
  }
  return items;
}
function toIngestResponse(parsed) {
  if (!isRecord(parsed) || typeof parsed.id !== "string" || typeof parsed.created !== "boolean" || typeof parsed.entityRef !== "string" && parsed.entityRef !== null) {
    return null;
  }
  const status = parsed.entityStatus;
  return {
    id: parsed.id,
    created: parsed.created,
    entityRef: parsed.entityRef,
    ...status === "linked" || status === "no-entity" || status === "linking-pending" ? { entityStatus: status } : {}
  };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// packages/ci-reporter/src/commands/push.ts
var DEFAULT_RETRIES = 4;
var DEFAULT_TIMEOUT_MS = 1e4;
var DEFAULT_BATCH_SIZE = 100;
var REPORTS_PATH = "/api/rust-build-cache/reports";
var BATCH_PATH = "/api/rust-build-cache/reports/batch";
var pushHelp = `Usage: rust-build-cache push [flags]

Sends a report written by 'collect' to the rust-build-cache backend of Backstage
(POST <url>${REPORTS_PATH}). Sending the same report again is safe: the backend
answers that it is already stored.

Several reports (--report given more than once, e.g. the reports of all the jobs of a
workflow's matrix) are sent together through POST <url>${BATCH_PATH},
at most --batch-size per request, with one line per report; a backend without that
route (an older plugin) gets one request per report.

By default push never fails the build: if a report cannot be sent it prints a warning
and exits 0. With --strict it exits 1 (2 for a bad command line).

Flags:
  --report FILE      report to send (default: ${DEFAULT_REPORT_FILE}); repeat the flag
                     to send several
  --batch-size N     reports per request when sending several (default: ${DEFAULT_BATCH_SIZE},
                     the backend's default rustBuildCache.ingestion.maxBatchReports)
  --url URL          Backstage backend base URL, e.g. https://backstage.example.com
                     (default: $RUST_BUILD_CACHE_URL)
  --token TOKEN      bearer token accepted by the backend (default: $RUST_BUILD_CACHE_TOKEN;
                     prefer the variable: command lines are visible to other processes)
  --strict           exit non-zero when a report is not stored
  --retries N        retries after the first attempt, for network errors, timeouts,
                     408, 429 and 5xx answers (default: ${DEFAULT_RETRIES})
  --timeout-ms MS    time limit of each attempt (default: ${DEFAULT_TIMEOUT_MS})
`;
var PUSH_OPTIONS = {
  help: { type: "boolean", short: "h" },
  report: { type: "string", multiple: true },
  "batch-size": { type: "string" },
  url: { type: "string" },
  token: { type: "string" },
  strict: { type: "boolean" },
  retries: { type: "string" },
  "timeout-ms": { type: "string" }
};
async function pushCommand(args, system) {
  const strict = args.includes("--strict");
  try {
    const flags = parseCommandArgs("push", args, PUSH_OPTIONS);
    if (flags.help) {
      system.stdout(pushHelp);
      return EXIT_OK;
    }
    const options = resolveUploadOptions(flags, system);
    const reportFiles = flags.report ?? [DEFAULT_REPORT_FILE];
    if (reportFiles.length > 1) {
      const batchSize = flags["batch-size"] !== void 0 ? parsePositiveInteger(flags["batch-size"], "--batch-size") : DEFAULT_BATCH_SIZE;
      return await pushSeveral(system, options, {
        paths: reportFiles.map((file2) => (0, import_node_path9.resolve)(system.cwd, file2)),
        batchEndpoint: resolveUploadOptions(flags, system, BATCH_PATH).endpoint,
        batchSize,
        strict
      });
    }
    const reportPath = (0, import_node_path9.resolve)(system.cwd, reportFiles[0]);
    const report = await loadReport(system, reportPath);
    system.stdout(
      `${describeResult(await uploadReport(system, options, report))}
`
    );
    return EXIT_OK;
  } catch (error2) {
    if (strict || !(error2 instanceof CliError)) throw error2;
    system.stderr(
      `warning: the build-cache report was not sent: ${error2.message}
(push does not fail the build; pass --strict to make it fail)
`
    );
    return EXIT_OK;
  }
}
async function pushSeveral(system, options, several) {
  let notStored = 0;
  const warn = (where, problem) => {
    notStored++;
    system.stderr(`warning: report ${where} was not stored: ${problem}
`);
  };
  const stored = (where, result) => system.stdout(`${where}: ${describeResult(result)}
`);
  const loaded = [];
  for (const path of several.paths) {
    const where = displayPath(system.cwd, path);
    try {
      loaded.push({ where, report: await loadReport(system, path) });
    } catch (error2) {
      if (!(error2 instanceof CliError)) throw error2;
      warn(where, error2.message);
    }
  }
  let batchRoute = true;
  for (let from = 0; from < loaded.length; from += several.batchSize) {
    const chunk = loaded.slice(from, from + several.batchSize);
    if (batchRoute) {
      let items;
      try {
        items = await uploadReportBatch(
          system,
          { ...options, endpoint: several.batchEndpoint },
          chunk.map((item) => item.report)
        );
      } catch (error2) {
        if (!(error2 instanceof CliError)) throw error2;
        for (const { where } of chunk) warn(where, error2.message);
        continue;
      }
      if (items !== "not-supported") {
        items.forEach((item, index) => {
          const { where } = chunk[index];
          if ("error" in item) {
            warn(where, `the server answered ${item.status} (${item.error})`);
          } else {
            const { status, ...response } = item;
            stored(where, { created: status === 201, response });
          }
        });
        continue;
      }
      batchRoute = false;
      system.stderr(
        `note: the backend has no ${BATCH_PATH} (an older plugin); sending one report per request
`
      );
    }
    for (const { where, report } of chunk) {
      try {
        stored(where, await uploadReport(system, options, report));
      } catch (error2) {
        if (!(error2 instanceof CliError)) throw error2;
        warn(where, error2.message);
      }
    }
  }
  if (notStored > 0) {
    const summary = `${notStored} of ${several.paths.length} reports were not stored`;
    if (several.strict) throw new UploadError(summary);
    system.stderr(
      `warning: ${summary}
(push does not fail the build; pass --strict to make it fail)
`
    );
  }
  return EXIT_OK;
}
function resolveUploadOptions(flags, system, path = REPORTS_PATH) {
  const url2 = flags.url ?? system.env.RUST_BUILD_CACHE_URL;
  if (!url2)
    throw new UsageError(
      "no backend URL: pass --url or set RUST_BUILD_CACHE_URL"
    );
  const token = flags.token ?? system.env.RUST_BUILD_CACHE_TOKEN;
  if (!token)
    throw new UsageError(
      "no token: set RUST_BUILD_CACHE_TOKEN or pass --token"
    );
  return {
    endpoint: backendEndpoint(url2, path),
    token,
    retries: flags.retries !== void 0 ? parseNonNegativeInteger(flags.retries, "--retries") : DEFAULT_RETRIES,
    timeoutMs: flags["timeout-ms"] !== void 0 ? parsePositiveInteger(flags["timeout-ms"], "--timeout-ms") : DEFAULT_TIMEOUT_MS
  };
}
async function loadReport(system, path) {
  const where = displayPath(system.cwd, path);
  const text3 = await readInputFile(system, path, "report");
  if (text3 === null) {
    throw new InputError(
      `report at ${where}: file not found (run 'rust-build-cache collect' first)`
    );
  }
  let parsed;
  try {
    parsed = JSON.parse(text3);
  } catch (error2) {
    throw new InputError(
      `report at ${where}: invalid JSON (${errorMessage(error2)})`
    );
  }
  const validation = validateReport(parsed);
  if (!validation.ok) {
    throw new InputError(
      `report at ${where}: not a valid rust-build-cache report (schema version ${REPORT_SCHEMA_VERSION}):
${formatReportIssues(
        validation.issues
      )}`
    );
  }
  return validation.report;
}
function describeResult({ created, response }) {
  const what = created ? "Report stored" : "Report was already stored (sent before for this run)";
  if (!response) return `${what}, but the server's answer did not say its id`;
  return `${what}: id ${response.id}, entity ${describeEntity(response)}`;
}
function describeEntity(response) {
  if (response.entityRef) return response.entityRef;
  switch (response.entityStatus) {
    case "linking-pending":
      return "not linked yet (the backend could not ask the catalog now; its link task links the report to its entity later)";
    case "no-entity":
      return "none (no catalog entity has this repository and workspace: annotate the entity with rust-build-cache/workspace and its repository)";
    default:
      return "none yet (no catalog entity matches its repository and workspace)";
  }
}

// packages/ci-reporter/src/commands/check.ts
var POLICY_PATH = "/api/rust-build-cache/policy";
var DEFAULT_ENTITY_KIND = "Component";
var checkHelp = `Usage: rust-build-cache check [flags]

Checks one report written by 'collect' against the build-cache policy and prints each rule
that fails, with what to change. Rules that need several runs (effective hit rate, stable
RUSTFLAGS) report "insufficient data" for a single report unless the policy's minimum
allows one run; that is not a failure.

Policy (one of; default: the built-in bronze/silver/gold policy):
  --policy FILE      a policy as JSON: { "baseline"?, "rules": [...], "levels": [...] }
  --url URL          fetch the organisation's policy from the Backstage backend
                     (GET <url>${POLICY_PATH})
  --token TOKEN      bearer token for --url (default: $RUST_BUILD_CACHE_TOKEN)
  --timeout-ms MS    time limit of the request (default: ${DEFAULT_TIMEOUT_MS})

Report and catalog entity (for the rules' appliesTo):
  --report FILE      report to check (default: ${DEFAULT_REPORT_FILE})
  --kind KIND        entity kind (default: ${DEFAULT_ENTITY_KIND})
  --type TYPE        entity spec.type, e.g. service
  --owner REF        owner entity ref, e.g. group:default/payments
  --lifecycle NAME   entity spec.lifecycle, e.g. production
  --tag TAG          entity tag; repeat for several

On GitHub Actions (GITHUB_STEP_SUMMARY set) a Markdown table of the results is appended to
the step summary.

Exit codes: 0 no rule of severity 'error' fails, 1 one does (or an input file or the policy
is missing or invalid), 2 bad command line.
`;
var CHECK_OPTIONS = {
  help: { type: "boolean", short: "h" },
  report: { type: "string" },
  policy: { type: "string" },
  url: { type: "string" },
  token: { type: "string" },
  "timeout-ms": { type: "string" },
  kind: { type: "string" },
  type: { type: "string" },
  owner: { type: "string" },
  lifecycle: { type: "string" },
  tag: { type: "string", multiple: true }
};
async function checkCommand(args, system) {
  const flags = parseCommandArgs("check", args, CHECK_OPTIONS);
  if (flags.help) {
    system.stdout(checkHelp);
    return EXIT_OK;
  }
  if (flags.policy !== void 0 && flags.url !== void 0)
    throw new UsageError("pass either --policy or --url, not both");
  const entity = toEntity(flags);
  const report = await loadReport(
    system,
    (0, import_node_path10.resolve)(system.cwd, flags.report ?? DEFAULT_REPORT_FILE)
  );
  const policy = await loadPolicy(system, flags);
  const evaluation = evaluatePolicy({
    policy,
    input: { entity, reports: [report], now: system.now() }
  });
  system.stdout(formatConsoleResults(report, evaluation));
  await appendGitHubStepSummary(
    system,
    formatMarkdownResults(report, evaluation),
    (message) => system.stderr(`warning: ${message}
`)
  );
  return evaluation.failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
function toEntity(flags) {
  for (const name of ["kind", "type", "owner", "lifecycle"]) {
    if (flags[name] !== void 0 && flags[name].trim() === "")
      throw new UsageError(`--${name} must not be empty`);
  }
  return {
    kind: flags.kind ?? DEFAULT_ENTITY_KIND,
    type: flags.type,
    owner: flags.owner,
    lifecycle: flags.lifecycle,
    tags: flags.tag ?? []
  };
}
async function loadPolicy(system, flags) {
  if (flags.policy !== void 0) {
    const path = (0, import_node_path10.resolve)(system.cwd, flags.policy);
    const where = `policy at ${displayPath(system.cwd, path)}`;
    const text3 = await readRequiredInputFile(system, path, "policy");
    return parsePolicy(text3, where);
  }
  if (flags.url !== void 0) return fetchPolicy(system, flags, flags.url);
  system.stderr(
    "note: no --policy or --url given: checking against the built-in default policy\n"
  );
  return DEFAULT_POLICY;
}
function parsePolicy(text3, where, wrapped = false) {
  let parsed;
  try {
    parsed = JSON.parse(text3);
  } catch (error2) {
    throw new InputError(`${where}: invalid JSON (${errorMessage(error2)})`);
  }
  if (wrapped) {
    if (typeof parsed !== "object" || parsed === null || !("policy" in parsed)) {
      throw new InputError(`${where}: the answer has no "policy" field`);
    }
    parsed = parsed.policy;
  }
  const validation = validatePolicy(parsed);
  if (!validation.ok) {
    throw new InputError(
      `${where}: not a valid policy:
${formatPolicyIssues(validation.issues)}`
    );
  }
  return validation.policy;
}
async function fetchPolicy(system, flags, baseUrl) {
  const endpoint = backendEndpoint(baseUrl, POLICY_PATH);
  const timeoutMs = flags["timeout-ms"] !== void 0 ? parsePositiveInteger(flags["timeout-ms"], "--timeout-ms") : DEFAULT_TIMEOUT_MS;
  const token = flags.token ?? system.env.RUST_BUILD_CACHE_TOKEN;
  let response;
  let text3;
  try {
    response = await system.fetch(endpoint, {
      headers: {
        accept: "application/json",
        ...token ? { authorization: `Bearer ${token}` } : {}
      },
      signal: AbortSignal.timeout(timeoutMs)
    });
    text3 = await response.text();
  } catch (error2) {
    const reason = errorField(error2, "name") === "TimeoutError" ? `no answer within ${timeoutMs} ms` : errorMessage(errorField(error2, "cause") ?? error2);
    throw new InputError(`cannot fetch the policy from ${endpoint}: ${reason}`);
  }
  if (response.status === 404) {
    throw new InputError(
      `the backend does not serve a policy yet; pass --policy (GET ${endpoint} answered 404)`
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new InputError(
      `GET ${endpoint} answered ${response.status}: check the token (--token or RUST_BUILD_CACHE_TOKEN)`
    );
  }
  if (response.status !== 200) {
    throw new InputError(`GET ${endpoint} answered ${response.status}`);
  }
  return parsePolicy(text3, `policy from ${endpoint}`, true);
}
var OUTCOME_LABELS = {
  pass: "PASS",
  fail: "FAIL",
  warn: "WARN",
  exempt: "EXEMPT",
  "not-applicable": "N/A",
  "insufficient-data": "NO DATA"
};
var needsAction = (result) => result === "fail" || result === "warn";
function describeCounts(evaluation) {
  return `${evaluation.passed} passed, ${evaluation.failed} failed, ${evaluation.warned} warnings, ${evaluation.exempt} exempt, ${evaluation.notApplicable} not applicable, ${evaluation.insufficientData} insufficient data`;
}
function describeLevel(evaluation) {
  return evaluation.level ?? "none";
}
function formatConsoleResults(report, evaluation) {
  const { source } = report;
  const lines = [
    `rust-build-cache policy check: ${formatRepository(
      source.repository
    )} workspace ${source.workspacePath}, run ${source.ci.runId}`,
    `  Level: ${describeLevel(evaluation)}; ${describeCounts(evaluation)}`
  ];
  for (const problem of report.problems ?? []) {
    lines.push(`  Problem: ${problem.file}: ${problem.message}`);
  }
  for (const result of evaluation.results) {
    lines.push(
      `  ${OUTCOME_LABELS[result.result].padEnd(7)} ${result.ruleId} (${result.severity}): ${result.summary}`
    );
    if (needsAction(result.result))
      lines.push(`          Fix: ${result.remediation}`);
  }
  return `${lines.join("\n")}
`;
}
function formatMarkdownResults(report, evaluation) {
  const { source } = report;
  const lines = [
    `### Rust build cache policy: \`${cell(source.workspacePath)}\` (${cell(
      formatRepository(source.repository)
    )})`,
    "",
    `Level: **${cell(describeLevel(evaluation))}**; ${describeCounts(
      evaluation
    )}`,
    "",
    ...(report.problems ?? []).map(
      (problem) => `- Problem: \`${cell(problem.file)}\`: ${cell(problem.message)}`
    ),
    ...report.problems?.length ? [""] : [],
    "| Result | Rule | Severity | Summary | What to change |",
    "|---|---|---|---|---|"
  ];
  for (const result of evaluation.results) {
    lines.push(
      `| ${OUTCOME_LABELS[result.result]} | ${cell(result.title)} (\`${result.ruleId}\`) | ${result.severity} | ${cell(result.summary)} | ${needsAction(result.result) ? cell(result.remediation) : ""} |`
    );
  }
  return `${lines.join("\n")}

`;
}

// packages/ci-reporter/src/cli.ts
var mainHelp = `Usage: rust-build-cache <command> [flags]

Reports the sccache health of a Rust build to the rust-build-cache plugin of Backstage.

Commands:
  collect   gather sccache statistics, toolchain, Cargo.lock and profiles into a report file
  push      send the report file to the Backstage backend
  check     check the report file against the build-cache policy (exit 1 when an error rule fails)

Run 'rust-build-cache <command> --help' for the flags of a command.

  --help, -h       show this help
  --version, -V    show the version
`;
var COMMANDS = {
  collect: { run: collectCommand, help: collectHelp },
  push: { run: pushCommand, help: pushHelp },
  check: { run: checkCommand, help: checkHelp }
};
async function runCli(argv, system) {
  config({ jitless: true });
  const [command2, ...args] = argv;
  if (command2 === void 0) {
    system.stderr(mainHelp);
    return EXIT_USAGE;
  }
  if (command2 === "--help" || command2 === "-h" || command2 === "help") {
    system.stdout(
      args[0] && COMMANDS[args[0]] ? COMMANDS[args[0]].help : mainHelp
    );
    return EXIT_OK;
  }
  if (command2 === "--version" || command2 === "-V") {
    system.stdout(`${package_default.version}
`);
    return EXIT_OK;
  }
  const entry = Object.hasOwn(COMMANDS, command2) ? COMMANDS[command2] : void 0;
  if (!entry) {
    system.stderr(
      `rust-build-cache: unknown command '${command2}'

${mainHelp}`
    );
    return EXIT_USAGE;
  }
  try {
    return await entry.run(args, system);
  } catch (error2) {
    if (error2 instanceof CliError) {
      system.stderr(`rust-build-cache ${command2}: error: ${error2.message}
`);
      return error2.exitCode;
    }
    const stack = errorField(error2, "stack");
    const details = typeof stack === "string" ? stack : errorMessage(error2);
    system.stderr(
      `rust-build-cache ${command2}: unexpected error (please report it as a bug):
${details}
`
    );
    return EXIT_FAILURE;
  }
}

// packages/ci-reporter/src/lib/system.ts
var import_node_child_process = require("node:child_process");
var import_promises = require("node:fs/promises");
var import_node_path11 = require("node:path");
var import_promises2 = require("node:timers/promises");
var COMMAND_TIMEOUT_MS = 12e4;
async function runCommand(command2, args, options) {
  return new Promise((resolve8) => {
    (0, import_node_child_process.execFile)(
      command2,
      args,
      {
        cwd: options.cwd,
        encoding: "utf8",
        timeout: COMMAND_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024
      },
      (error2, stdout, stderr) => {
        if (!error2) {
          resolve8({ found: true, exitCode: 0, stdout, stderr });
        } else if (error2.code === "ENOENT") {
          resolve8({ found: false });
        } else {
          const exitCode = typeof error2.code === "number" ? error2.code : 1;
          const reason = typeof error2.code === "number" ? "" : `${error2.message}
`;
          resolve8({
            found: true,
            exitCode,
            stdout,
            stderr: `${reason}${stderr}`
          });
        }
      }
    );
  });
}
function createNodeSystem() {
  return {
    cwd: process.cwd(),
    env: process.env,
    now: () => /* @__PURE__ */ new Date(),
    async readTextFile(path) {
      try {
        return await (0, import_promises.readFile)(path, "utf8");
      } catch (error2) {
        if (errorField(error2, "code") === "ENOENT") return null;
        throw error2;
      }
    },
    async resolveDirectory(path) {
      try {
        const resolved = await (0, import_promises.realpath)(path);
        return (await (0, import_promises.stat)(resolved)).isDirectory() ? resolved : null;
      } catch (error2) {
        if (errorField(error2, "code") === "ENOENT" || errorField(error2, "code") === "ENOTDIR")
          return null;
        throw error2;
      }
    },
    // Creates missing parent folders: reports often go into a folder for an artifact upload.
    writeTextFile: async (path, content) => {
      await (0, import_promises.mkdir)((0, import_node_path11.dirname)(path), { recursive: true });
      await (0, import_promises.writeFile)(path, content, "utf8");
    },
    appendTextFile: (path, content) => (0, import_promises.appendFile)(path, content, "utf8"),
    runCommand,
    fetch: (input3, init) => fetch(input3, init),
    sleep: (ms) => (0, import_promises2.setTimeout)(ms),
    random: Math.random,
    stdout: (text3) => process.stdout.write(text3),
    stderr: (text3) => process.stderr.write(text3)
  };
}

// actions/report/src/action.ts
function input2(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function readInputs(env) {
  const strictText = input2(env, "strict").toLowerCase() || "false";
  if (strictText !== "true" && strictText !== "false") {
    throw new Error(
      `input 'strict' must be 'true' or 'false', not '${strictText}'`
    );
  }
  const url2 = input2(env, "url");
  if (!url2)
    throw new Error(
      "input 'url' is required (the Backstage backend's base URL)"
    );
  if (!/^https?:\/\//.test(url2)) {
    throw new Error(`input 'url' must be an http(s) URL, not '${url2}'`);
  }
  const workspaces = input2(env, "workspaces").split("\n").map((line) => line.trim()).filter(Boolean);
  return {
    url: url2,
    token: input2(env, "token"),
    workspaces: workspaces.length > 0 ? workspaces : ["."],
    strict: strictText === "true",
    cargoProfile: input2(env, "cargo-profile"),
    sccacheStats: input2(env, "sccache-stats")
  };
}
function command(name, message) {
  const escaped = message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  process.stdout.write(`::${name}::${escaped}
`);
}
var STARTED_AT = "started-at";
async function runPost(env = process.env) {
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (error2) {
    command("error", `rust-build-cache: ${error2.message}`);
    return 1;
  }
  const problem = inputs.strict ? (message) => command("error", message) : (message) => command("warning", message);
  process.env.RUST_BUILD_CACHE_URL = inputs.url;
  if (inputs.token) process.env.RUST_BUILD_CACHE_TOKEN = inputs.token;
  const startedAt = env[`STATE_${STARTED_AT}`];
  if (startedAt && !process.env.RUST_BUILD_CACHE_STARTED_AT) {
    process.env.RUST_BUILD_CACHE_STARTED_AT = startedAt;
  }
  if (env.GITHUB_WORKSPACE) process.chdir(env.GITHUB_WORKSPACE);
  const outDir = (0, import_node_path12.join)(env.RUNNER_TEMP || (0, import_node_os.tmpdir)(), "rust-build-cache");
  (0, import_node_fs.mkdirSync)(outDir, { recursive: true });
  const system = createNodeSystem();
  const strict = inputs.strict ? ["--strict"] : [];
  let failures = 0;
  for (const [index, workspace] of inputs.workspaces.entries()) {
    const report = (0, import_node_path12.join)(
      outDir,
      `${index + 1}-${workspace.replace(/[^\w.-]+/g, "_")}.json`
    );
    process.stdout.write(`::group::rust-build-cache: ${workspace}
`);
    (0, import_node_fs.rmSync)(report, { force: true });
    try {
      const collected = await runCli(
        [
          "collect",
          "--workspace",
          workspace,
          "--output",
          report,
          ...inputs.sccacheStats ? ["--sccache-stats", inputs.sccacheStats] : [],
          ...inputs.cargoProfile ? ["--cargo-profile", inputs.cargoProfile] : [],
          ...strict
        ],
        system
      );
      if (!(0, import_node_fs.existsSync)(report)) {
        failures++;
        problem(
          `rust-build-cache: no report for ${workspace} (collect exited ${collected})`
        );
        continue;
      }
      if (collected !== 0) failures++;
      if (!inputs.token) {
        command(
          "warning",
          `rust-build-cache: no token, so the report of ${workspace} was not pushed (kept at ${report})`
        );
        continue;
      }
      const pushed = await runCli(
        ["push", "--report", report, "--strict"],
        system
      );
      if (pushed !== 0) {
        failures++;
        problem(
          `rust-build-cache: the report of ${workspace} was not stored (push exited ${pushed})`
        );
      }
    } finally {
      process.stdout.write("::endgroup::\n");
    }
  }
  return inputs.strict && failures > 0 ? 1 : 0;
}

// actions/report/src/post.ts
runPost().then((code) => {
  process.exitCode = code;
});
