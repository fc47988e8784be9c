# One entry point for the README, CI and developers.
#   make run    install everything, load the knowledge base, train if needed, start
#   make test   install everything, train if needed, run the whole test suite
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      ?= .venv
PY        := $(VENV)/bin/python
RASA      := $(VENV)/bin/rasa
MODEL     := models/tro-ly.tar.gz
RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055

export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONHASHSEED := 0
# fewer glibc malloc arenas: TensorFlow's threads otherwise each keep one (less resident memory)
export MALLOC_ARENA_MAX := 2

MODEL_INPUTS := config.yml $(shell find domain data knowledge/procedures -type f -name '*.yml' 2>/dev/null) \
                $(shell find bot/nlu bot/text -type f -name '*.py' 2>/dev/null)

.PHONY: help install knowledge train run shell test eval bench sample-report stop clean

help:
	@echo "make run    - cài đặt, nạp dữ liệu thủ tục, huấn luyện (nếu cần) và chạy trợ lý"
	@echo "make test   - chạy toàn bộ bộ kiểm thử"
	@echo "make shell  - trò chuyện trong terminal (cần make run ở cửa sổ khác)"
	@echo "make train  - huấn luyện lại mô hình"
	@echo "make eval   - đánh giá NLU trên tập kiểm tra riêng (có dấu / không dấu)"
	@echo "make bench  - đo thời gian huấn luyện, độ trễ, thông lượng, bộ nhớ"
	@echo "make sample-report - báo cáo Đề án 5299 mẫu từ các phiên hướng dẫn theo kịch bản"
	@echo "make stop   - dừng các tiến trình do make run khởi động"

$(VENV)/.installed: requirements.lock pyproject.toml scripts/find-python.sh
	@test -x $(PY) || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==24.3.1"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	@touch $@

install: $(VENV)/.installed

knowledge: install
	$(PY) -m bot.knowledge load
	$(PY) -m bot.dossiers seed
	$(PY) -m bot.volunteers checklists --out web/checklists

$(MODEL): $(VENV)/.installed $(MODEL_INPUTS)
	@mkdir -p models
	$(RASA) train --domain domain --data data --config config.yml --out models --fixed-model-name tro-ly
	@touch $@

train: $(MODEL)

run: knowledge $(MODEL)
	@scripts/run.sh

shell: install
	$(RASA) shell --endpoints endpoints.yml -m $(MODEL)

test: knowledge $(MODEL)
	@scripts/ensure-chromium.sh
	$(PY) -m bot.knowledge validate
	$(RASA) data validate --domain domain --data data --config config.yml
	REQUIRE_E2E=1 scripts/pytest.sh

eval: $(MODEL)
	$(PY) -m bench.nlu_eval --model $(MODEL) --data tests/nlu/holdout

bench: knowledge $(MODEL)
	$(PY) -m bench.run --model $(MODEL) --train
	$(PY) -m bench.procedure_eval
	$(PY) -m bench.lookup

sample-report: knowledge $(MODEL)
	$(PY) -m bench.sample_report --model $(MODEL)

stop:
	@scripts/stop.sh

clean:
	rm -rf models var .rasa
