# Sanitizer and fuzzing builds. Both belong in a build directory of their own (they change how
# every object is compiled):
#   cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DKAKEHASHI_FUZZ=ON
#   ninja -C build-asan sanitize_tests fuzz_targets && ctest --test-dir build-asan -L 'sanitize|fuzz'
# KAKEHASHI_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer on every target; any report
#   ends the process with an error (no recovery), so a test that trips one fails.
# KAKEHASHI_FUZZ: the libFuzzer targets in fuzz/ (clang only); implies KAKEHASHI_SANITIZE, and the
#   libraries get libFuzzer's coverage instrumentation (-fsanitize=fuzzer-no-link), which ordinary
#   test programs linked with the sanitizers run with unchanged.
option(KAKEHASHI_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(KAKEHASHI_FUZZ "Build the libFuzzer targets in fuzz/ (clang; implies KAKEHASHI_SANITIZE)" OFF)

if(KAKEHASHI_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "KAKEHASHI_FUZZ needs clang (libFuzzer): configure a separate build directory with "
                            "-DCMAKE_CXX_COMPILER=clang++-14 (Debian: clang-14 libfuzzer-14-dev libclang-rt-14-dev)")
    endif()
    set(KAKEHASHI_SANITIZE ON CACHE BOOL "Build with AddressSanitizer and UndefinedBehaviorSanitizer" FORCE)
endif()

if(KAKEHASHI_SANITIZE)
    # vptr needs RTTI of every class crossing into Qt's uninstrumented libraries; the rest of UBSan
    # is on. Frame pointers keep the reports' stacks readable.
    set(KAKEHASHI_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=all
                                  -fno-omit-frame-pointer)
    add_compile_options(${KAKEHASHI_SANITIZER_FLAGS})
    add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
    if(KAKEHASHI_FUZZ)
        add_compile_options(-fsanitize=fuzzer-no-link)
    endif()
    # Qt and DCMTK are not instrumented: their containers trip no container-overflow annotations
    # we could trust, and a leak inside a system library is not ours to fix.
    set(KAKEHASHI_SANITIZER_ENVIRONMENT
        "ASAN_OPTIONS=detect_leaks=1:detect_container_overflow=0:abort_on_error=1:print_summary=1:strict_string_checks=1"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
        "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/lsan.supp:print_suppressions=0")
endif()
