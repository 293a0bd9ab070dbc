# One person is one person: reference forms, Patient.link and shared identifiers never split a record
# (a clinician would miss the other half), and never merge two people silently.
kakehashi_add_test(tst_hazard_identity SOURCES identity/tst_hazard_identity.cpp LIBS kakehashi_record
    LABELS "unit;hazard")
