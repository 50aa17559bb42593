# The two everyday commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install install-dev messages clean

# The background worker (CKnews sending, the Clusteratlas PDF) runs next to
# the development server and stops with it.
run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev
	@test -x $(CHROMIUM) || echo "NOTE: Chromium not found at $(CHROMIUM): the browser tests will be skipped (apt-get install chromium)."
	$(BIN)/pytest

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Refresh the message catalogues after changing translatable strings
# (needs GNU gettext: apt-get install gettext). The compiled .mo files are
# committed, so running the site never needs gettext.
# Each app keeps its own catalogue in <app>/locale; locale/ holds the rest.
APPS := members events newsletter search
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l de -l en --no-location \
		--ignore=.venv --ignore=tests --ignore=staticfiles $(APPS:%=--ignore=%)
	for app in $(APPS); do \
		mkdir -p $$app/locale && \
		(cd $$app && ../$(BIN)/python ../manage.py makemessages -l de -l en --no-location) || exit 1; \
	done
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
