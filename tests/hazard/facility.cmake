# Which hospital said this: a facility is named, never shown as a raw resource id; one 医療機関コード is one
# facility whichever server sent it.
kakehashi_add_test(tst_hazard_facility SOURCES facility/tst_hazard_facility.cpp LIBS kakehashi_record
    LABELS "unit;hazard")
