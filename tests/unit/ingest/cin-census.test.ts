import { describe, expect, it } from 'vitest';
import { columnValues, ingestFile, reportToCsv } from '../../../src/lib/ingest';
import { cinFactors, indicatorsFromFactors } from '../../../src/lib/ingest/cin-factors';
import { referrals } from '../../../src/lib/contract';

const referral = (date: string, factors: readonly string[]) => `
			<CINdetails>
				<CINreferralDate>${date}</CINreferralDate>
				<ReferralSource>6</ReferralSource>
				<Assessments>
					<AssessmentActualStartDate>${date}</AssessmentActualStartDate>
					${factors.length ? `<FactorsIdentifiedAtAssessment>${factors.map((f) => `<AssessmentFactors>${f}</AssessmentFactors>`).join('')}</FactorsIdentifiedAtAssessment>` : ''}
				</Assessments>
				<ReferralNFA>false</ReferralNFA>
			</CINdetails>`;

const child = (id: string, birth: string, ...details: string[]) => `
		<Child>
			<ChildIdentifiers><LAchildID>${id}</LAchildID><PersonBirthDate>${birth}</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
			<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>${details.join('')}
		</Child>`;

/** Three children, five referrals: three with an exploitation factor, two without (one with no assessment). */
const census = (la: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Message>
	<Header><Source><LEA>${la}</LEA></Source></Header>
	<Children>${child('A1', '2008-05-01', referral('2024-01-10', ['24A', '2A']), referral('2024-03-01', ['16A']))}${child('B2', '2010-02-03', referral('2024-02-15', ['11A', '10A', '4A']))}${child('C3', '2009-09-09', referral('2024-04-20', ['13A']), referral('2024-05-05', []))}
	</Children>
</Message>`;

const bytes = (text: string) => new TextEncoder().encode(text);

describe('CIN census XML', () => {
	it('loads referrals with an exploitation factor; the rest are out of scope, all accounted for', async () => {
		// LA 874 is Peterborough, a unitary authority the bundled area reference knows by its DfE LA number.
		const outcome = await ingestFile(
			{ name: 'cin.xml', bytes: bytes(census('874')) },
			{ today: '2024-06-30', contractCheck: 'all' }
		);
		if (outcome.status !== 'loaded') throw new Error(`${outcome.status}: ${outcome.reason}`);
		const { result } = outcome;
		expect([result.read, result.loaded, result.rejectedRows, result.outOfScope]).toEqual([5, 3, 0, 2]);
		expect(columnValues(result.columns.referral_id!)).toEqual([
			'A1-2024-01-10',
			'B2-2024-02-15',
			'C3-2024-04-20'
		]);
		expect(columnValues(result.columns.age_at_referral!)).toEqual([15, 14, 14]);
		expect(columnValues(result.columns.ind_coercion!)).toEqual(['present', null, 'present']);
		expect(columnValues(result.columns.ind_drugs!)).toEqual(['present', null, null]);
		expect(columnValues(result.columns.ind_concerning_adults!)).toEqual([null, 'present', null]);
		expect(columnValues(result.columns.ind_missing!)).toEqual([null, 'present', null]);
		expect(columnValues(result.columns.ind_mental_health!)).toEqual([null, 'present', null]);
		expect(columnValues(result.columns.referral_source!)).toEqual(['police', 'police', 'police']);
		expect(columnValues(result.columns.district!)).toEqual(['peterborough', 'peterborough', 'peterborough']);
	});

	it('loads an LA the area reference does not know as "area not recorded", and says which LA it was', async () => {
		const outcome = await ingestFile(
			{ name: 'cin.xml', bytes: bytes(census('201')) },
			{ today: '2024-06-30', contractCheck: 'all' }
		);
		if (outcome.status !== 'loaded') throw new Error(`${outcome.status}: ${outcome.reason}`);
		const { result } = outcome;
		expect([result.read, result.loaded, result.rejectedRows, result.outOfScope]).toEqual([5, 3, 0, 2]);
		expect(columnValues(result.columns.district!)).toEqual(['not_recorded', 'not_recorded', 'not_recorded']);
		expect(result.files[0]!.notes.join(' ')).toContain(
			"The file is local authority LA 201's, which is not one of the 6 areas of the area reference (Cambridgeshire & Peterborough)."
		);
	});

	it('maps each exploitation factor to an indicator of the contract (DfE codes 10A, 11A, 12A, 13A, 24A)', () => {
		expect(indicatorsFromFactors(['2A', '16A'])).toBeNull();
		expect(indicatorsFromFactors([])).toBeNull();
		expect([...indicatorsFromFactors([' 24a '])!]).toEqual(['ind_coercion']);
		expect(
			Object.fromEntries(cinFactors.filter((f) => f.exploitation).map((f) => [f.code, f.indicator]))
		).toEqual({
			'10A': 'ind_missing',
			'11A': 'ind_concerning_adults',
			'12A': 'ind_concerning_adults',
			'13A': 'ind_coercion',
			'24A': 'ind_coercion'
		});
		// The contract's header aliases already name these codes beside the same indicators.
		for (const factor of cinFactors) expect(referrals.field(factor.indicator).aliases).toContain(factor.code);
	});

	it('refuses XML that is neither return, saying which root it found', async () => {
		const outcome = await ingestFile({ name: 'x.xml', bytes: bytes('<Invoice><Line>1</Line></Invoice>') });
		expect(outcome.status).toBe('unreadable');
		if (outcome.status === 'unreadable') expect(outcome.reason).toContain('<Invoice>');
		const broken = await ingestFile({ name: 'y.xml', bytes: bytes('<Message><Children></Message>') });
		expect(broken.status).toBe('unreadable');
	});
});

describe('the CSV report of a CIN census load', () => {
	it('says how many referrals were out of scope in the summary row', async () => {
		const outcome = await ingestFile(
			{ name: 'cin.xml', bytes: bytes(census('201')) },
			{ today: '2024-06-30', constants: { district: 'Fenland' } }
		);
		if (outcome.status !== 'loaded') throw new Error(outcome.status);
		expect(reportToCsv(outcome.result).split('\r\n')[1]).toBe(
			'summary,cin.xml,,,,,"read 5, loaded 3, rejected 0, out of scope 2, warnings 0"'
		);
	});
});
