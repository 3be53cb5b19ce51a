// The system libyaml (Debian: libyaml-dev), found through pkg-config `yaml-0.1`.
#include <yaml.h>
