/**
 * Sightline's ingestion pipeline: bytes in any common format → contract columns, with an account of every
 * row. Pure TypeScript for Node (CLI, tests) and a browser worker; see README.md for the stages.
 */
export { ageInYears } from './age-in-years';
export { appendExtract, combineResults, loadedIds, type AppendOutcome } from './append-extract';
export { columnLetter } from './column-letter';
export { columnValue, columnValues, concatColumns, type LoadedColumn } from './loaded-column';
export { decodeText, type DecodedText, type TextEncodingName } from './decode-text';
export { decodeWindows1252 } from './decode-windows-1252';
export { detectDelimiter, delimiters, type Delimiter } from './detect-delimiter';
export { detectTable, type TableGuess } from './detect-table';
export { excelSerialToIso } from './excel-serial-date';
export { fieldParser, type FieldValue, type ParsedCell } from './field-parser';
export {
	ingestFile,
	type FileSummary,
	type IngestOptions,
	type IngestOutcome,
	type IngestResult,
	type SourceFile
} from './ingest-file';
export type { Issue } from './issue';
export {
	mappingProfileSchema,
	parseMappingProfile,
	profileFromMatch,
	type MappingProfile
} from './mapping-profile';
export { type HeadingRows } from './find-header-row';
export { matchHeaders, type ColumnMatch, type HeaderMatch, type MatchHow } from './match-headers';
export { parseDate } from './parse-date';
export type { RawBatch, RawCell, RawRow, RawTable, TabularFormat } from './raw-table';
export { readTable, type ReadTableOptions } from './read-table';
export { readPopulation, type PopulationEstimate, type PopulationReference } from './read-population';
export { namedAreas, populationAreas, type AreaList } from './area-list';
export { readAreaList, recogniseAreaList } from './read-area-list';
export { cinFactors, exploitationFactorCodes, indicatorsFromFactors } from './cin-factors';
export {
	recogniseHeadings,
	recogniseWorkbook,
	type OutOfScope,
	type RecognisedFormat,
	type StatutoryFormatId
} from './statutory-format';
export { decodeParquetWasm, type ParquetDecoder } from './read-parquet';
export { reportToCsv } from './report-to-csv';
export { sniffFormat, type SniffResult } from './sniff-format';
export { toArrowIPC } from './to-arrow-ipc';
export { UnreadableFileError } from './unreadable-file-error';
export type { Columns, DateRange, IngestProgress, KnownIds } from './validate-rows';
