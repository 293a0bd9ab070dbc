# tst_demodata: validity, reference integrity and determinism of the demo data
# produced by tools/demo (target demo_data).  Included from tests/CMakeLists.txt:
#   include(${CMAKE_CURRENT_SOURCE_DIR}/unit/demodata.cmake)
# Needs KAKEHASHI_DEMO_DATA_DIR (set by add_subdirectory(tools/demo)).
find_package(Qt6 REQUIRED COMPONENTS Core Test)
find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_package(DCMTK QUIET)

get_filename_component(_kdemo_generator "${CMAKE_CURRENT_LIST_DIR}/../../tools/demo/generate.py" ABSOLUTE)

add_executable(tst_demodata "${CMAKE_CURRENT_LIST_DIR}/tst_demodata.cpp")
set_target_properties(tst_demodata PROPERTIES AUTOMOC ON)
target_compile_features(tst_demodata PRIVATE cxx_std_20)
target_link_libraries(tst_demodata PRIVATE Qt6::Core Qt6::Test)
target_compile_definitions(tst_demodata PRIVATE
  KAKEHASHI_PYTHON3="${Python3_EXECUTABLE}"
  KAKEHASHI_DEMO_GENERATOR="${_kdemo_generator}"
  KAKEHASHI_DEMO_DATA_DIR_DEFAULT="${KAKEHASHI_DEMO_DATA_DIR}")
if(TARGET DCMTK::dcmdata)
  target_link_libraries(tst_demodata PRIVATE DCMTK::dcmdata)
  target_compile_definitions(tst_demodata PRIVATE KAKEHASHI_TEST_HAVE_DCMTK=1)
elseif(DCMTK_FOUND)
  target_include_directories(tst_demodata PRIVATE ${DCMTK_INCLUDE_DIRS})
  target_link_libraries(tst_demodata PRIVATE ${DCMTK_LIBRARIES})
  target_compile_definitions(tst_demodata PRIVATE KAKEHASHI_TEST_HAVE_DCMTK=1)
endif()
if(TARGET kakehashi_options)
  target_link_libraries(tst_demodata PRIVATE kakehashi_options)
endif()
if(TARGET demo_data)
  add_dependencies(tst_demodata demo_data)
endif()

add_test(NAME demodata COMMAND tst_demodata "${KAKEHASHI_DEMO_DATA_DIR}")
set_tests_properties(demodata PROPERTIES LABELS unit TIMEOUT 300)
