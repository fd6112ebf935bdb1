# The non-JUCE libraries Crest builds on, all from Debian's packages.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CREST_SNDFILE REQUIRED IMPORTED_TARGET sndfile)
pkg_check_modules(CREST_SOXR REQUIRED IMPORTED_TARGET soxr)
pkg_check_modules(CREST_EBUR128 REQUIRED IMPORTED_TARGET libebur128)
# Single precision: the linear-phase EQ's FFT convolution.
pkg_check_modules(CREST_FFTW REQUIRED IMPORTED_TARGET fftw3f)
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(nlohmann_json 3.10 REQUIRED)
