import { describe, expect, it } from 'vitest';
import { referralSourceView } from '$lib/summaries/referral-source';

describe('referralSourceView', () => {
	it('lists every source, most first, and names the two largest', () => {
		const view = referralSourceView(
			[
				{ source: 'schools', referrals: 30 },
				{ source: 'police', referrals: 50 },
				{ source: 'health', referrals: 17 },
				{ source: 'anonymous', referrals: 3 }
			],
			{ publication: false }
		);
		expect(view.points).toHaveLength(11);
		expect(view.points.slice(0, 4).map((point) => point.source)).toEqual([
			'police',
			'schools',
			'health',
			'anonymous'
		]);
		expect(view.title).toBe('Police made the most referrals (50.0%), followed by schools (30.0%)');
		expect(view.summary).toBe(
			'Of 100 referrals, the largest sources were Police 50.0%, Schools 30.0%, Health services 17.0%, Anonymous 3.0%.'
		);
	});

	it('suppresses small sources in publication mode', () => {
		const view = referralSourceView(
			[
				{ source: 'police', referrals: 50 },
				{ source: 'schools', referrals: 30 },
				{ source: 'anonymous', referrals: 3 }
			],
			{ publication: true }
		);
		expect(view.points.find((point) => point.source === 'anonymous')).toMatchObject({
			referrals: null,
			share: null
		});
		expect(view.summary).not.toContain('Anonymous');
	});

	it('says a tie as a tie, never "followed by" an equal', () => {
		const tie = referralSourceView(
			[
				{ source: 'schools', referrals: 20 },
				{ source: 'la_services', referrals: 20 },
				{ source: 'police', referrals: 10 }
			],
			{ publication: false }
		);
		expect(tie.title).not.toContain('followed by');
		expect(tie.title).toBe('Schools and local authority services made the most referrals (40.0% each)');
		const second = referralSourceView(
			[
				{ source: 'police', referrals: 50 },
				{ source: 'schools', referrals: 20 },
				{ source: 'health', referrals: 20 }
			],
			{ publication: false }
		);
		expect(second.title).toBe(
			'Police made the most referrals (55.6%), followed by schools and health services (22.2% each)'
		);
	});
});
