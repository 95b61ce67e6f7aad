-- The default confidentiality pledge (R12), kept as data so that an administrator can correct it without a release.
-- Penalty: ../shared/data/reference/README.md (拘禁刑 since 2025-06).
insert into council_pledge_template (key, text_ja, text_en, max_imprisonment, max_fine_yen, source, updated_at)
values ('default',
'私は、本協議会の参加者として、協議会において知り得た秘密を、国家公務員に求められるものと同等の守秘義務に従い、正当な理由なく漏らし、又は盗用しないことを誓約します。この義務は、協議会を離脱した後も継続します。義務に違反して秘密を漏らした者は、1年以下の拘禁刑又は50万円以下の罰金に処せられることがあり、法人も罰金刑に処せられることがあることを理解しています。',
'As a participant of this council, I pledge not to disclose or misuse, without legitimate reason, any secret that I learn in the council, under a duty of confidentiality equal to that of a national public servant. This duty continues after I leave the council. I understand that a person who discloses a secret in breach of this duty may be punished by imprisonment (拘禁刑) of up to one year or a fine of up to 500,000 yen, and that organisations may be fined too.',
'P1Y', 500000, 'shared/data/reference/README.md: penalty for breaching a council''s confidentiality duty',
'2026-11-25T12:00:00Z');
