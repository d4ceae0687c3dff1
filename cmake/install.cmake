# Installation and the CMake package, so that a program outside this tree writes
#   find_package(occam REQUIRED)  and  target_link_libraries(app PRIVATE occam::occam)
# exactly as a program inside it does.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(occam_engine PROPERTIES EXPORT_NAME engine)
set_target_properties(occam_grammar PROPERTIES EXPORT_NAME grammar)
set_target_properties(occam_distill PROPERTIES EXPORT_NAME distill)
set_target_properties(occam_arch PROPERTIES EXPORT_NAME arch)
set_target_properties(occam_warnings PROPERTIES EXPORT_NAME warnings)

foreach(room engine grammar distill)
  target_include_directories(occam_${room} PUBLIC $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
endforeach()
target_include_directories(occam INTERFACE $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)

install(TARGETS occam occam_engine occam_grammar occam_distill occam_arch occam_warnings
        EXPORT occamTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS occam_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# the suite manifests and their data, where `occam suite` looks for them (share/occam/suites)
install(DIRECTORY bench/suites/ DESTINATION ${CMAKE_INSTALL_DATADIR}/occam/suites)
install(DIRECTORY engine/include/ grammar/include/ distill/include/ include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT occamTargets NAMESPACE occam:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/occam)

configure_package_config_file(cmake/occamConfig.cmake.in ${PROJECT_BINARY_DIR}/occamConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/occam)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/occamConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/occamConfig.cmake ${PROJECT_BINARY_DIR}/occamConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/occam)
