package dev.temper.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.WorkerProtocol;
import org.junit.jupiter.api.Test;

/** The names the contract gives the worker's side of the protocol, checked against the worker itself. */
class WorkerProtocolTest {

    @Test
    void theExecutorsStartTheWorkersEntryPoint() {
        // The contract cannot refer to the worker package, so it spells the name; a rename must not break it.
        assertThat(WorkerProtocol.MAIN_CLASS).isEqualTo(WorkerMain.class.getName());
    }

    @Test
    void aJobsEndpointsAreBelowItsId() {
        assertThat(WorkerProtocol.jobPath(42)).isEqualTo("/api/worker/jobs/42");
    }
}
