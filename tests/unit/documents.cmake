# Documents as they arrive: CDA R2 (libxml2, locked down), declared-type checks.
kakehashi_add_test(tst_cdadocument SOURCES tst_cdadocument.cpp LIBS kakehashi_record Qt6::Network LABELS unit)
