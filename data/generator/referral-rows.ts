import { indicatorColumns, referrals } from '../../src/lib/contract';
import { columnarTable, type Column, type ColumnarTable } from './columnar-table';
import type { ReferralDetails } from './referral-details';

/** One generated referral before it is stored: numbers and positions in the contract's enumerations. */
export interface ReferralValues {
	readonly child: number;
	readonly day: number;
	readonly age: number;
	readonly gender: number;
	readonly ethnicity: number;
	readonly lookedAfter: boolean;
	readonly district: number;
	readonly details: ReferralDetails;
	readonly recentEpisodes: number;
}

/** Width of the number in referral ids: R000001 for the demo, R0000001 from ten million rows. */
const idWidth = (rows: number): number => Math.max(6, String(rows).length);

/** Referral rows in typed-array columns, filled in date order; ids are the row number (R000001 …). */
export class ReferralRows {
	readonly #child: Int32Array;
	readonly #date: Int32Array;
	readonly #age: Int32Array;
	readonly #gender: Uint8Array;
	readonly #ethnicity: Uint8Array;
	readonly #lookedAfter: Uint8Array;
	readonly #district: Uint8Array;
	readonly #source: Uint8Array;
	readonly #indicators: Uint8Array[];
	readonly #riskLevel: Uint8Array;
	readonly #stage: Uint8Array;
	readonly #intervention: Uint8Array;
	readonly #nrm: Uint8Array;
	readonly #recentEpisodes: Int32Array;
	#length = 0;

	constructor(readonly capacity: number) {
		this.#child = new Int32Array(capacity);
		this.#date = new Int32Array(capacity);
		this.#age = new Int32Array(capacity);
		this.#gender = new Uint8Array(capacity);
		this.#ethnicity = new Uint8Array(capacity);
		this.#lookedAfter = new Uint8Array(capacity);
		this.#district = new Uint8Array(capacity);
		this.#source = new Uint8Array(capacity);
		this.#indicators = indicatorColumns.map(() => new Uint8Array(capacity));
		this.#riskLevel = new Uint8Array(capacity);
		this.#stage = new Uint8Array(capacity);
		this.#intervention = new Uint8Array(capacity);
		this.#nrm = new Uint8Array(capacity);
		this.#recentEpisodes = new Int32Array(capacity);
	}

	get length(): number {
		return this.#length;
	}

	add(values: ReferralValues): void {
		const row = this.#length++;
		if (row >= this.capacity) throw new Error(`More than ${this.capacity} referrals`);
		this.#child[row] = values.child;
		this.#date[row] = values.day;
		this.#age[row] = values.age;
		this.#gender[row] = values.gender;
		this.#ethnicity[row] = values.ethnicity;
		this.#lookedAfter[row] = values.lookedAfter ? 1 : 0;
		this.#district[row] = values.district;
		this.#source[row] = values.details.source;
		this.#indicators.forEach((column, i) => {
			column[row] = values.details.indicators[i] ?? 0;
		});
		this.#riskLevel[row] = values.details.riskLevel;
		this.#stage[row] = values.details.stage;
		this.#intervention[row] = values.details.intervention;
		this.#nrm[row] = values.details.nrm ? 1 : 0;
		this.#recentEpisodes[row] = values.recentEpisodes;
	}

	/** The `referrals` table of the contract; child numbers become pseudonymous ids through `childId`. */
	toTable(childId: (child: number) => string): ColumnarTable {
		if (this.#length !== this.capacity)
			throw new Error(`${this.#length} referrals for ${this.capacity} rows`);
		const width = idWidth(this.capacity);
		const enumColumn = (name: string, indices: Uint8Array): Column => {
			const field = referrals.field(name);
			if (field.kind !== 'enum') throw new Error(`referrals.${name} is not an enum`);
			return { kind: 'enum', codes: field.values.codes, indices };
		};
		const child = this.#child;
		return columnarTable(referrals, this.#length, {
			referral_id: { kind: 'text', value: (row) => `R${String(row + 1).padStart(width, '0')}` },
			child_id: { kind: 'text', value: (row) => childId(child[row] ?? 0) },
			referral_date: { kind: 'date', values: this.#date },
			age_at_referral: { kind: 'integer', values: this.#age },
			gender: enumColumn('gender', this.#gender),
			ethnicity: enumColumn('ethnicity', this.#ethnicity),
			looked_after: { kind: 'boolean', values: this.#lookedAfter },
			district: enumColumn('district', this.#district),
			referral_source: enumColumn('referral_source', this.#source),
			...Object.fromEntries(
				indicatorColumns.map((name, i) => [name, enumColumn(name, this.#indicators[i] ?? new Uint8Array())])
			),
			risk_level: enumColumn('risk_level', this.#riskLevel),
			pathway_stage: enumColumn('pathway_stage', this.#stage),
			intervention: enumColumn('intervention', this.#intervention),
			nrm_referral: { kind: 'boolean', values: this.#nrm },
			missing_episodes_12m: { kind: 'integer', values: this.#recentEpisodes }
		});
	}
}
