-- The seeded penalties cited their source in English, shown as such on Japanese pages (issue 17). Japanese law is
-- cited in Japanese, on either page. Only rows still carrying the seed's text change; the update trigger keeps the
-- previous revision in the history, as for any correction.
update information_leak_penalty
set source = '参照データ（shared/data/reference/README.md）：協議会の守秘義務違反は1年以下の拘禁刑（2025年6月から）。',
    updated_at = '2026-12-10T18:15:00Z'
where code = 'IMPRISONMENT'
  and source = 'Seed reference data (shared/data/reference/README.md): breach of a council''s confidentiality duty, imprisonment up to 1 year (拘禁刑 since 2025-06).';

update information_leak_penalty
set source = '参照データ（shared/data/reference/README.md）：協議会の守秘義務違反は50万円以下の罰金。',
    updated_at = '2026-12-10T18:15:00Z'
where code = 'FINE'
  and source = 'Seed reference data (shared/data/reference/README.md): breach of a council''s confidentiality duty, a fine up to 500,000 yen.';

update information_leak_penalty
set source = '参照データ（shared/data/reference/README.md）：法人等も罰金の対象となる。上限は個人の罰金と同額と仮定（未確認）。',
    updated_at = '2026-12-10T18:15:00Z'
where code = 'ORGANIZATION_FINE'
  and source = 'Seed reference data (shared/data/reference/README.md): organisations can be fined too. Maximum assumed equal to the person''s fine (unconfirmed).';

update information_leak_penalty
set source = '処分を科さない場合（例：違反が認められなかったとき）。',
    updated_at = '2026-12-10T18:15:00Z'
where code = 'NONE'
  and source = 'No penalty decided (for example, no breach found).';
