# Compiles the JUCE modules Crest uses exactly once, into two static
# libraries: crest_juce_base (no GUI: the engine, CLI and tests link only
# this) and crest_juce_gui (graphics and widgets, for the app).
#
# We compile the modules' unity .cpp files ourselves rather than linking
# JUCE's INTERFACE module targets, because those targets re-add every
# dependency module's sources to each consumer, which would compile
# juce_core again inside the GUI library.

find_package(JUCE 7.0.5 EXACT CONFIG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(CREST_ALSA REQUIRED IMPORTED_TARGET alsa)
pkg_check_modules(CREST_FREETYPE REQUIRED IMPORTED_TARGET freetype2)
find_package(Threads REQUIRED)
# Debian's JUCE uses the system zlib, libpng and libjpeg instead of its own copies.
find_package(ZLIB REQUIRED)
find_package(PNG REQUIRED)
find_package(JPEG REQUIRED)

set(CREST_JUCE_BASE_MODULES juce_core juce_events juce_data_structures
                            juce_audio_basics juce_audio_devices)
set(CREST_JUCE_GUI_MODULES juce_graphics juce_gui_basics)

# One set of configuration flags, shared by every translation unit that
# includes a JUCE header.
add_library(crest_juce_config INTERFACE)
target_include_directories(crest_juce_config SYSTEM INTERFACE "${JUCE_MODULES_DIR}")
target_compile_definitions(crest_juce_config INTERFACE
    JUCE_GLOBAL_MODULE_SETTINGS_INCLUDED=1
    JUCE_STANDALONE_APPLICATION=1
    JUCE_DISPLAY_SPLASH_SCREEN=0
    JUCE_REPORT_APP_USAGE=0
    JUCE_USE_CURL=0
    JUCE_WEB_BROWSER=0
    JUCE_ALSA=1
    JUCE_JACK=1
    JUCE_STRICT_REFCOUNTEDPOINTER=1
    JUCE_SILENCE_XCODE_15_LINKER_WARNING=1
    $<$<CONFIG:Debug>:DEBUG=1 _DEBUG=1>
    $<$<NOT:$<CONFIG:Debug>>:NDEBUG=1>)
# Module availability is declared per library: a TU that sees
# JUCE_MODULE_AVAILABLE_juce_graphics pulls graphics code into headers of
# the base modules, which would make the engine depend on the GUI.
foreach(module IN LISTS CREST_JUCE_BASE_MODULES)
  target_compile_definitions(crest_juce_config INTERFACE JUCE_MODULE_AVAILABLE_${module}=1)
endforeach()

function(crest_add_juce_library name)
  add_library(${name} STATIC)
  foreach(module IN LISTS ARGN)
    target_sources(${name} PRIVATE "${JUCE_MODULES_DIR}/${module}/${module}.cpp")
  endforeach()
  target_link_libraries(${name} PUBLIC crest_juce_config)
  # JUCE's own sources are not ours to warn about.
  target_compile_options(${name} PRIVATE -w)
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

crest_add_juce_library(crest_juce_base ${CREST_JUCE_BASE_MODULES})
target_link_libraries(crest_juce_base PUBLIC Threads::Threads PkgConfig::CREST_ALSA ZLIB::ZLIB ${CMAKE_DL_LIBS} rt)
# JUCE_JACK loads libjack at run time but compiles against its headers.
find_path(CREST_JACK_INCLUDE jack/jack.h REQUIRED)
target_include_directories(crest_juce_base PRIVATE "${CREST_JACK_INCLUDE}")

crest_add_juce_library(crest_juce_gui ${CREST_JUCE_GUI_MODULES})
target_link_libraries(crest_juce_gui PUBLIC crest_juce_base PkgConfig::CREST_FREETYPE PNG::PNG JPEG::JPEG)
foreach(module IN LISTS CREST_JUCE_GUI_MODULES)
  target_compile_definitions(crest_juce_gui PUBLIC JUCE_MODULE_AVAILABLE_${module}=1)
endforeach()
