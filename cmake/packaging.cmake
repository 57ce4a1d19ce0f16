# Installed package files: bilanConfig.cmake (find_package) and bilan.pc
# (pkg-config), both relocatable, so an install into any prefix works.
include(CMakePackageConfigHelpers)

# The dependencies declared with bilan_pkg_dep (CMakeLists.txt), as CMake code
# for bilanConfig.cmake and as a module list for bilan.pc.
set(BILAN_CONFIG_DEPS "")
set(BILAN_PC_MODULES "")
foreach(dep IN LISTS BILAN_PKG_DEPS)
  string(REGEX MATCH "^([^=]+)=(.*)$" _ "${dep}")
  string(APPEND BILAN_CONFIG_DEPS "bilan_find_module(${CMAKE_MATCH_1} ${CMAKE_MATCH_2})\n")
  string(APPEND BILAN_PC_MODULES " ${CMAKE_MATCH_2}")
endforeach()
string(STRIP "${BILAN_PC_MODULES}" BILAN_PC_MODULES)

set(BILAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/bilan)
install(EXPORT bilanTargets NAMESPACE bilan:: DESTINATION ${BILAN_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/bilanConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/bilanConfig.cmake
                              INSTALL_DESTINATION ${BILAN_CMAKE_DIR})
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/bilanConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/bilanConfig.cmake ${PROJECT_BINARY_DIR}/bilanConfigVersion.cmake
        DESTINATION ${BILAN_CMAKE_DIR})

# A static libbilan needs its dependencies on every link line; a shared one
# only when linking statically.
file(RELATIVE_PATH BILAN_PC_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" BILAN_PC_PREFIX "${BILAN_PC_PREFIX}")
if(BUILD_SHARED_LIBS)
  set(BILAN_PC_REQUIRES "Requires.private")
  set(BILAN_PC_LIBS "")
  set(BILAN_PC_LIBS_PRIVATE "Libs.private: -pthread -lm")
else()
  set(BILAN_PC_REQUIRES "Requires")
  set(BILAN_PC_LIBS "-pthread -lm")
  set(BILAN_PC_LIBS_PRIVATE "")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/bilan.pc.in ${PROJECT_BINARY_DIR}/bilan.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/bilan.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
