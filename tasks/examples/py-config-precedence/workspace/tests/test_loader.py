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


if __name__ == "__main__":
    unittest.main()
