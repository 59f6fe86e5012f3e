# marsad — build, test, benchmark, fuzz.
#
#   make            release build: build/libmarsad.a, build/libmarsad.so, build/marsad
#   make test       unit programs and spec tests on the release build
#   make unit       unit programs only (internal parts against a reference)
#   make asan       the same objects built with AddressSanitizer + UBSan (build-asan/)
#   make check      tests on the release build and under the sanitizers
#   make bench      throughput and peak memory on the real corpus (CORPUS=…)
#   make fuzz       build the libFuzzer targets (clang); make fuzz-run FUZZ_SECONDS=600
#   make lexicon-check   validate the knowledge data files

CC       ?= cc
PYTHON   ?= python3
BUILD    ?= build
PKGS     := icu-i18n icu-uc libxml-2.0 jansson yajl libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN     := -std=c11 -Wall -Wextra -Wshadow -Wno-missing-field-initializers -Wno-overlength-strings
CPPFLAGS := -D_POSIX_C_SOURCE=200809L -DMARSAD_BUILDING -Iinclude -Isrc -I$(BUILD)/gen $(PKG_CFLAGS)
VISIBILITY := -fvisibility=hidden -fPIC

SRC      := $(sort $(wildcard src/*.c src/*/*.c))
OBJ      := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRC)) $(BUILD)/obj/gen/tables.o
DATA     := $(sort $(wildcard data/*/*.txt data/*/*.tsv tools/*.py))

.PHONY: all unit test asan check bench fuzz fuzz-run clean lexicon-check sample

all: $(BUILD)/marsad

$(BUILD)/gen/tables.c: $(DATA)
	@mkdir -p $(BUILD)/gen
	$(PYTHON) tools/build_tables.py data $(BUILD)/gen

$(BUILD)/obj/gen/tables.o: $(BUILD)/gen/tables.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(VISIBILITY) -std=c11 -c $< -o $@

$(BUILD)/obj/%.o: src/%.c $(wildcard include/*.h src/*.h src/*/*.h) | $(BUILD)/gen/tables.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(VISIBILITY) -c $< -o $@

$(BUILD)/libmarsad.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libmarsad.so: $(OBJ)
	$(CC) -shared $(CFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/marsad: cli/marsad.c include/marsad.h $(BUILD)/libmarsad.a $(BUILD)/libmarsad.so
	$(CC) $(CFLAGS) $(WARN) -Iinclude -D_POSIX_C_SOURCE=200809L cli/marsad.c $(BUILD)/libmarsad.a $(PKG_LIBS) -o $@

UNIT     := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/*.c))

# unit programs: internal parts checked against a reference (linked with the static library)
$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/libmarsad.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $< $(BUILD)/libmarsad.a $(LDFLAGS) $(PKG_LIBS) -o $@

unit: $(addprefix $(BUILD)/unit/,$(UNIT))
	@for u in $(UNIT); do $(BUILD)/unit/$$u || exit 1; done

test: $(BUILD)/marsad unit
	$(PYTHON) tests/run_specs.py --bin $(BUILD)/marsad tests/spec

ASAN_FLAGS := CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
              LDFLAGS="-fsanitize=address,undefined"
asan:
	$(MAKE) BUILD=build-asan OPT=-O1 $(ASAN_FLAGS) build-asan/marsad $(addprefix build-asan/unit/,$(UNIT))

check: all asan unit
	$(PYTHON) tests/run_specs.py --bin $(BUILD)/marsad tests/spec
	@for u in $(UNIT); do ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  build-asan/unit/$$u || exit 1; done
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(PYTHON) tests/run_specs.py --bin build-asan/marsad --label sanitizers tests/spec
	$(BUILD)/marsad lexicon check

lexicon-check: all
	$(BUILD)/marsad lexicon check

CORPUS ?= ../shared/corpus/ant
bench: all
	$(BUILD)/marsad bench --threads 1 $(CORPUS)
	$(BUILD)/marsad bench --threads 2 $(CORPUS)
	$(BUILD)/marsad bench --stage text $(CORPUS)

sample: all
	$(BUILD)/marsad extract --pretty samples/

FUZZ_SECONDS ?= 600
FUZZ_TARGETS := $(patsubst fuzz/%.c,%,$(wildcard fuzz/fuzz_*.c))
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libmarsad.a
	@for t in $(FUZZ_TARGETS); do \
	  clang -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude -Isrc -Ibuild-fuzz/gen $(PKG_CFLAGS) fuzz/$$t.c build-fuzz/libmarsad.a $(PKG_LIBS) -o build-fuzz/$$t || exit 1; done
fuzz-run: fuzz
	@for t in $(FUZZ_TARGETS); do mkdir -p build-fuzz/corpus-$$t; \
	  build-fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build-fuzz/corpus-$$t fuzz/seeds/$${t#fuzz_} || exit 1; done

clean:
	rm -rf build build-asan build-fuzz
