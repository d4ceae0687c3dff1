# Run after each build of the test binary (cmake -P): lists its doctest cases and writes CTEST_FILE,
# one ctest test per case, labelled "slow" when the case is in the doctest suite "slow" and "fast"
# otherwise, so that `ctest -L fast` is the quick tier and plain `ctest` still runs everything.
# Inputs: TEST_EXECUTABLE, WORKING_DIR, CTEST_FILE.

# The case names doctest lists for these filters, without its banner lines.
function(list_cases result)
  execute_process(COMMAND "${TEST_EXECUTABLE}" --list-test-cases ${ARGN}
                  OUTPUT_VARIABLE output RESULT_VARIABLE status WORKING_DIRECTORY "${WORKING_DIR}")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${TEST_EXECUTABLE} --list-test-cases failed (${status}):\n${output}")
  endif()
  string(REPLACE "\n" ";" lines "${output}")
  set(cases "")
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^\\[doctest\\] " OR line MATCHES "^=+$")
      continue()
    endif()
    list(APPEND cases "${line}")
  endforeach()
  set(${result} "${cases}" PARENT_SCOPE)
endfunction()

list_cases(slow_cases --test-suite=slow)
list_cases(fast_cases --test-suite-exclude=slow)
set(script "")
foreach(tier fast slow)
  foreach(case IN LISTS ${tier}_cases)
    # doctest reads commas in a filter as separators
    string(REPLACE "," "\\," filter "${case}")
    string(APPEND script
      "add_test([==[${case}]==] \"${TEST_EXECUTABLE}\" [==[--test-case=${filter}]==])\n"
      "set_tests_properties([==[${case}]==] PROPERTIES LABELS ${tier} WORKING_DIRECTORY \"${WORKING_DIR}\")\n")
  endforeach()
endforeach()
file(WRITE "${CTEST_FILE}" "${script}")
