# Dates on screen: the interface language picks the form (never the computer's locale), a time that is
# not Japan time names its zone, and 和暦 (Japanese era) dates are right at every era boundary.
kakehashi_add_test(tst_hazard_dateformat SOURCES dates/tst_hazard_dateformat.cpp LIBS kakehashi_record
    LABELS "unit;hazard" ENVIRONMENT "TZ=UTC;LANG=en_GB.UTF-8;LC_ALL=en_GB.UTF-8")
