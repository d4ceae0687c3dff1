# Installs the build tree into a scratch prefix, then configures, builds and runs the consumer.
set(prefix ${BINARY_DIR}/package-test/prefix)
set(consumer_build ${BINARY_DIR}/package-test/consumer)
file(REMOVE_RECURSE ${BINARY_DIR}/package-test)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/package -B ${consumer_build}
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${consumer_build})
run(${consumer_build}/consumer)
if(NOT last_output STREQUAL "2*x**2 + 1\n")
  message(FATAL_ERROR "consumer printed '${last_output}'")
endif()

# The installed program finds the installed suite manifests with no source tree to lean on.
run(${prefix}/bin/occam suite real --only hubble1929 --generations 3 --threads 1)
if(NOT last_output MATCHES "hubble1929")
  message(FATAL_ERROR "the installed occam suite printed '${last_output}'")
endif()

# The installed Python module imports from the prefix's site-packages with no build tree beside it
# (its code on two lines, not split by a semicolon, which CMake would read as a list separator).
if(PYTHON_EXECUTABLE AND PYTHON_PACKAGES)
  set(ENV{PYTHONPATH} ${prefix}/${PYTHON_PACKAGES})
  run(${PYTHON_EXECUTABLE} -c "import occam\nprint(occam.evaluate('2*x0**2 + 1', [[1.0], [2.0]]))")
  if(NOT last_output STREQUAL "[3. 9.]\n")
    message(FATAL_ERROR "the installed occam module printed '${last_output}'")
  endif()
endif()
