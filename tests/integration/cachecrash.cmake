# A killed process leaves a consistent cache: a helper writes pages until SIGKILL, the test checks.
add_executable(kakehashi_cachewriter cachewriter.cpp cachecrashpage.h)
target_link_libraries(kakehashi_cachewriter PRIVATE kakehashi_session Qt6::Sql kakehashi_options)

kakehashi_add_test(tst_cachecrash
    SOURCES tst_cachecrash.cpp cachecrashpage.h
    LIBS kakehashi_session Qt6::Sql
    LABELS integration)
target_compile_definitions(tst_cachecrash PRIVATE KAKEHASHI_CACHEWRITER="$<TARGET_FILE:kakehashi_cachewriter>")
add_dependencies(tst_cachecrash kakehashi_cachewriter)
