# Instants are shown in the display zone (Asia/Tokyo by default), whatever the computer's zone.
kakehashi_add_test(tst_hazard_displayzone SOURCES time/tst_hazard_displayzone.cpp LIBS kakehashi_record
    LABELS "unit;hazard" ENVIRONMENT "TZ=UTC")
