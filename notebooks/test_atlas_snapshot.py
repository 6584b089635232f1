"""The snapshot reader against a fixture snapshot: it follows the pointer, verifies checksums and says
clearly what is wrong."""

import tempfile
import unittest
from pathlib import Path

import atlas_snapshot
import fixture_snapshot


class SnapshotReaderTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.warehouse = Path(self.tmp.name)
        self.folder = fixture_snapshot.write(self.warehouse)

    def tearDown(self):
        self.tmp.cleanup()

    def test_reads_the_latest_run_with_the_published_row_counts(self):
        snap = atlas_snapshot.latest(self.warehouse)
        self.assertEqual(snap.run_id, fixture_snapshot.RUN_ID)
        scores = snap.read("gold.cluster_scores")
        # 5 years × 5 clusters × 16 sido, as the fixture wrote them
        self.assertEqual(len(scores), 5 * 5 * 16)
        self.assertEqual(len(snap.read("silver.entity_link_summary", columns=["source"]).columns), 1)

    def test_environment_variable_and_file_uri_select_the_warehouse(self):
        import os
        old = os.environ.get("ATLAS_WAREHOUSE")
        os.environ["ATLAS_WAREHOUSE"] = "file:" + str(self.warehouse)
        try:
            self.assertEqual(atlas_snapshot.latest().run_id, fixture_snapshot.RUN_ID)
        finally:
            if old is None:
                del os.environ["ATLAS_WAREHOUSE"]
            else:
                os.environ["ATLAS_WAREHOUSE"] = old

    def test_a_changed_file_is_refused(self):
        path = self.folder / "gold.program_effects.parquet"
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
        with self.assertRaisesRegex(atlas_snapshot.SnapshotError, "does not match the manifest"):
            atlas_snapshot.latest(self.warehouse).read("gold.program_effects")

    def test_missing_pointer_and_table_are_named(self):
        with self.assertRaisesRegex(atlas_snapshot.SnapshotError, "gold.nothing is not in snapshot"):
            atlas_snapshot.latest(self.warehouse).read("gold.nothing")
        (self.warehouse / "_serving" / "latest").unlink()
        with self.assertRaisesRegex(atlas_snapshot.SnapshotError, "no serving snapshot"):
            atlas_snapshot.latest(self.warehouse)


if __name__ == "__main__":
    unittest.main()
