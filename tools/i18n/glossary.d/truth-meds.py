# Japanese for the medication rules of branch truth-meds: current at the reference time
# (MedicationPeriod) and duplicate therapy by ingredient (MedicationSafety, DrugMaster).
JA = {
    ('Current', 'medication in use at the reference time'): '服用中',
    ('Not started', 'medication whose period starts after the reference time'): '開始前',
    ('Ended', 'medication whose period ended before the reference time'): '終了',
    ('Period unknown', 'medication whose end cannot be known from the record'): '期間不明',
    ('Stopped', 'medication status'): '中止',
    ('Cancelled', 'medication status'): '取消',
    ('Entered in error', 'medication status'): '誤登録',
    ('On hold', 'medication status'): '保留',
    ('Draft', 'medication status'): '下書き',
    ('Not taken', 'medication status'): '未服用',
    ('Not done', 'medication status'): '未実施',
    ('Declined', 'medication status'): '辞退',
    ('Intended', 'medication status'): '予定',
    ('Being prepared', 'medication status'): '調剤中',
    'Possible duplicate therapy (%1): %2 prescribed by %3': '重複投薬の可能性（%1）：%2（処方元：%3）',
    '%1: ingredient unknown — not checked for duplicate therapy': '%1：成分不明のため重複投薬を確認できません',
    ('period unknown', 'medication whose end cannot be known'): '期間不明',
    ('ingredient unknown — not checked', 'duplicate therapy'): '成分不明・重複未確認',
    ('until %1', 'medication: last day of use'): '%1まで',
}
