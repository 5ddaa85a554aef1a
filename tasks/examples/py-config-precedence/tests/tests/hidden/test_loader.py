import json
import os
import tempfile
import unittest

from appconfig import Config, ConfigError, load_config


class LoadConfigTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f)
        return path

    def test_defaults(self):
        config = load_config([], {})
        self.assertEqual(config, Config("127.0.0.1", 8080, 4, False, "info", 30.0))

    def test_file_overrides_defaults(self):
        path = self.write("c.json", {"host": "0.0.0.0", "log_level": "debug"})
        config = load_config(["--config", path], {})
        self.assertEqual(config.host, "0.0.0.0")
        self.assertEqual(config.log_level, "debug")
        self.assertEqual(config.port, 8080)

    def test_flags_override_defaults(self):
        config = load_config(["--port", "7000", "--debug"], {})
        self.assertEqual(config.port, 7000)
        self.assertTrue(config.debug)

    def test_unknown_file_key_is_an_error(self):
        path = self.write("c.json", {"prot": 1})
        with self.assertRaises(ConfigError):
            load_config(["--config", path], {})

    def test_flag_beats_environment(self):
        config = load_config(["--port", "7000"], {"APP_PORT": "9000"})
        self.assertEqual(config.port, 7000)

    def test_environment_beats_file(self):
        path = self.write("c.json", {"port": 6000, "host": "file.example"})
        config = load_config(["--config", path], {"APP_PORT": "9000"})
        self.assertEqual(config.port, 9000)
        self.assertEqual(config.host, "file.example")

    def test_full_precedence_chain(self):
        path = self.write("c.json", {"host": "f", "port": 1, "workers": 2, "log_level": "warning"})
        environ = {"APP_PORT": "11", "APP_WORKERS": "12"}
        config = load_config(["--config", path, "--workers", "22"], environ)
        self.assertEqual(config.host, "f")
        self.assertEqual(config.port, 11)
        self.assertEqual(config.workers, 22)
        self.assertEqual(config.log_level, "warning")
        self.assertEqual(config.timeout, 30.0)

    def test_missing_flag_does_not_override_environment(self):
        config = load_config([], {"APP_WORKERS": "8"})
        self.assertEqual(config.workers, 8)

    def test_missing_flag_does_not_override_file(self):
        path = self.write("c.json", {"workers": 16})
        self.assertEqual(load_config(["--config", path], {}).workers, 16)

    def test_environment_values_are_converted(self):
        config = load_config([], {"APP_PORT": "9000", "APP_TIMEOUT": "2.5", "APP_DEBUG": "true",
                                  "APP_LOG_LEVEL": "debug", "APP_HOST": "0.0.0.0"})
        self.assertEqual(config, Config("0.0.0.0", 9000, 4, True, "debug", 2.5))
        self.assertIs(type(config.port), int)
        self.assertIs(type(config.timeout), float)

    def test_environment_booleans(self):
        for text, want in [("false", False), ("0", False), ("no", False), ("OFF", False),
                           ("True", True), ("1", True), ("yes", True), ("on", True)]:
            with self.subTest(text=text):
                self.assertIs(load_config([], {"APP_DEBUG": text}).debug, want)

    def test_debug_flag_beats_environment_both_ways(self):
        self.assertFalse(load_config(["--no-debug"], {"APP_DEBUG": "true"}).debug)
        self.assertTrue(load_config(["--debug"], {"APP_DEBUG": "false"}).debug)

    def test_invalid_environment_values_name_the_variable(self):
        for var, text in [("APP_PORT", "abc"), ("APP_DEBUG", "maybe"), ("APP_TIMEOUT", "soon")]:
            with self.subTest(var=var):
                with self.assertRaises(ConfigError) as caught:
                    load_config([], {var: text})
                self.assertIn(var, str(caught.exception))

    def test_config_flag_beats_config_environment(self):
        main = self.write("main.json", {"host": "main"})
        other = self.write("other.json", {"host": "other"})
        config = load_config(["--config", other], {"APP_CONFIG": main})
        self.assertEqual(config.host, "other")

    def test_config_from_environment_when_no_flag(self):
        main = self.write("main.json", {"host": "main"})
        self.assertEqual(load_config([], {"APP_CONFIG": main}).host, "main")

    def test_environment_is_not_read_from_the_process(self):
        os.environ["APP_PORT"] = "1234"
        self.addCleanup(os.environ.pop, "APP_PORT", None)
        self.assertEqual(load_config([], {}).port, 8080)


if __name__ == "__main__":
    unittest.main()
