#!/usr/bin/env python3
"""check-image passes a well-made image and names each fault of a badly made one (run by the images profile:
python3 deploy/images/test_check_image.py)."""
import importlib.machinery
import importlib.util
import io
import json
import sys
import tarfile
import tempfile
import unittest
from contextlib import redirect_stdout
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
loader = importlib.machinery.SourceFileLoader("check_image", str(Path(__file__).with_name("check-image")))
spec = importlib.util.spec_from_loader("check_image", loader)
check_image = importlib.util.module_from_spec(spec)
loader.exec_module(check_image)

GOOD = {
    "User": "185",
    "Env": ["PATH=/usr/bin:/bin", "MALLOC_ARENA_MAX=2", "NMSDZ_STORAGE_DIRECTORY=/var/lib/nmsdz/documents"],
    "Entrypoint": ["java", "-XX:MaxRAMPercentage=60", "-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=10000",
                   "-XX:MinHeapFreeRatio=70", "-XX:MaxHeapFreeRatio=90",
                   "-XX:-ClassUnloadingWithConcurrentMark", "-XX:MetaspaceSize=128m", "-Djdk.nio.maxCachedBufferSize=262144",
                   "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=96m", "-XX:CompileThresholdScaling=4",
                   "-XX:TrimNativeHeapInterval=5000",
                   "-XX:+ExitOnOutOfMemoryError",
                   "-jar", "quarkus-run.jar"],
    "ExposedPorts": {"8082/tcp": {}},
    "WorkingDir": "/deployments",
}


def entry(name, kind=tarfile.REGTYPE, mode=0o644, uid=0, link=""):
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.uid, info.linkname = kind, mode, uid, link
    return info


GOOD_FILES = [
    entry("tmp", tarfile.DIRTYPE, 0o1777),
    entry("etc/passwd"),
    entry("usr/lib/jvm/bin/java", mode=0o755),
    entry("usr/bin/java", tarfile.SYMTYPE, 0o777, link="/usr/lib/jvm/bin/java"),
    entry("var/lib/nmsdz/documents", tarfile.DIRTYPE, 0o755, uid=185),
    entry("deployments/quarkus-run.jar"),
]


def image(directory, config, files):
    path = Path(directory) / "image.tar"
    layer = io.BytesIO()
    with tarfile.open(fileobj=layer, mode="w:gz") as tar:
        for info in files:
            tar.addfile(info, io.BytesIO(b"") if info.isreg() else None)
    with tarfile.open(path, "w") as archive:
        for name, data in (("config.json", json.dumps({"config": config}).encode()), ("layer.tar.gz", layer.getvalue()),
                           ("manifest.json", json.dumps([{"Config": "config.json", "Layers": ["layer.tar.gz"]}]).encode())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


class CheckImageTest(unittest.TestCase):
    def check(self, config, files=GOOD_FILES):
        with tempfile.TemporaryDirectory() as directory:
            out = io.StringIO()
            with redirect_stdout(out):
                status = check_image.check(str(image(directory, config, files)), [8082],
                                           ["NMSDZ_STORAGE_DIRECTORY=/var/lib/nmsdz/documents"],
                                           ["/var/lib/nmsdz/documents"])
            return status, out.getvalue()

    def test_a_well_made_image_passes(self):
        status, out = self.check(GOOD)
        self.assertEqual(0, status, out)

    def test_root_user_missing_jvm_options_and_wrong_ports_are_named(self):
        status, out = self.check(dict(GOOD, User="0", ExposedPorts={"8080/tcp": {}},
                                      Entrypoint=["java", "-jar", "quarkus-run.jar"]))
        self.assertEqual(1, status)
        for fault in ("runs as user '0'", "lacks -XX:MaxRAMPercentage=60", "lacks -XX:+ExitOnOutOfMemoryError",
                      "lacks -XX:+UseG1GC",
                      "exposes ['8080/tcp'], expected ['8082/tcp']"):
            self.assertIn(fault, out)

    def test_no_java_on_the_path_no_jar_and_a_volume_not_writable_are_named(self):
        files = [f for f in GOOD_FILES if not f.name.startswith(("usr/", "deployments/", "var/"))]
        files.append(entry("var/lib/nmsdz/documents", tarfile.DIRTYPE, 0o755, uid=0))
        status, out = self.check(dict(GOOD, Env=["PATH=/usr/bin"]), files)
        self.assertEqual(1, status)
        for fault in ("no executable java", "is not quarkus-run.jar in the image",
                      "environment NMSDZ_STORAGE_DIRECTORY=None", "environment MALLOC_ARENA_MAX=None",
                      "/var/lib/nmsdz/documents is not a directory"):
            self.assertIn(fault, out)


if __name__ == "__main__":
    unittest.main()
