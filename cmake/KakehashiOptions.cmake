# One INTERFACE target carries every compile option the project's own code uses.
option(KAKEHASHI_WERROR "Treat warnings as errors (on in CI)" OFF)

add_library(kakehashi_options INTERFACE)
add_library(Kakehashi::options ALIAS kakehashi_options)
target_compile_features(kakehashi_options INTERFACE cxx_std_20)
target_compile_definitions(kakehashi_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    OPENSSL_API_COMPAT=0x10100000L
    OPENSSL_SUPPRESS_DEPRECATED)
target_compile_options(kakehashi_options INTERFACE
    -Wall -Wextra -Wpedantic $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wnon-virtual-dtor
    $<$<BOOL:${KAKEHASHI_WERROR}>:-Werror>)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
