package com.dealerpool.rothco.management;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.fulfillment.FulfillmentActions;
import com.dealerpool.rothco.job.JobRuns;

/**
 * JMX controls of fulfillment requests, registered through Camel's management agent under
 * {@code com.dealerpool.rothco:type=fulfillment,name=requests}.
 */
@ManagedResource(description = "Fulfillment requests: resubmit, cancel, release, list and send")
public final class FulfillmentControl {

    /** Name that the status history records for actions taken through JMX. */
    static final String OPERATOR = "jmx";

    private final FulfillmentActions actions;
    private final ProducerTemplate producer;

    public FulfillmentControl(FulfillmentActions actions, ProducerTemplate producer) {
        this.actions = actions;
        this.producer = producer;
    }

    @ManagedOperation(description = "Resubmits a rejected FR; newPoReference (such as FR12345-2) may be empty")
    public String resubmit(String frNumber, String newPoReference) {
        return actions.resubmit(frNumber, newPoReference, OPERATOR).message();
    }

    @ManagedOperation(description = "Cancels an FR that was not sent (new, held or rejected)")
    public String cancel(String frNumber) {
        return actions.cancel(frNumber, OPERATOR).message();
    }

    @ManagedOperation(description = "Releases a held FR, also one that waits under manual auto-processing")
    public String release(String frNumber) {
        return actions.release(frNumber, OPERATOR).message();
    }

    @ManagedOperation(description = "Lists the FRs in a status: new, held, sending, sent, acknowledged, cancelled,"
            + " rejected or unknown")
    public String list(String status) {
        try {
            return String.join(System.lineSeparator(), actions.list(status));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @ManagedOperation(description = "Starts a Send Fulfillment Requests run of a source now, in the background")
    public String sendNow(String sourceId) {
        String uri = "direct:" + Operation.SEND_FULFILLMENT_REQUESTS.routeId(sourceId);
        if (producer.getCamelContext().getRoute(Operation.SEND_FULFILLMENT_REQUESTS.routeId(sourceId)) == null) {
            return "Source " + sourceId + " does not send fulfillment requests; check rothco.sources and"
                    + " rothco.sources." + sourceId + ".send-fulfillment-requests.enabled";
        }
        producer.asyncSend(uri, exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "manual"));
        return "Send Fulfillment Requests of " + sourceId + " started; watch the job log";
    }
}
