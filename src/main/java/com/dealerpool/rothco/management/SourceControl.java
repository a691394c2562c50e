package com.dealerpool.rothco.management;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.rothco.ConnectionResult;
import com.dealerpool.rothco.rothco.SourceApiKeys;

/**
 * JMX view and controls of one source, registered through Camel's management agent under
 * {@code com.dealerpool.rothco:type=sources,name=<source>}. The API key can be set but never
 * read: the only attribute about it is its last 4 characters.
 */
@ManagedResource(description = "Rothco source (account)")
public final class SourceControl {

    private final ProducerTemplate producer;
    private final SourceSettings source;
    private final SourceApiKeys keys;
    private final StatusReader status;
    private final String nodeName;

    public SourceControl(ProducerTemplate producer, SourceSettings source, SourceApiKeys keys, StatusReader status,
            String nodeName) {
        this.producer = producer;
        this.source = source;
        this.keys = keys;
        this.status = status;
        this.nodeName = nodeName;
    }

    @ManagedAttribute(description = "Source id")
    public String getSourceId() {
        return source.id();
    }

    @ManagedAttribute(description = "Display name")
    public String getName() {
        return source.name();
    }

    @ManagedAttribute(description = "Source type: Vendor Warehouse, Internal Warehouse, External Warehouse or"
            + " Product Data Source")
    public String getSourceType() {
        return source.type().displayName();
    }

    @ManagedAttribute(description = "Rothco API mode: SANDBOX or LIVE")
    public String getMode() {
        return source.mode().name();
    }

    @ManagedAttribute(description = "Whether fulfillment requests may be routed to this source")
    public boolean isAcceptsFulfillmentRequests() {
        return source.acceptsFulfillmentRequests();
    }

    @ManagedAttribute(description = "Ship-from location")
    public String getShipFrom() {
        return source.shipFrom().oneLine();
    }

    @ManagedAttribute(description = "Rothco shipping method codes the source offers")
    public String getShippingMethods() {
        return String.join(", ", source.shippingMethods());
    }

    @ManagedAttribute(description = "Last 4 characters of the API key in use, such as ****1234")
    public String getApiKeyFingerprint() {
        return keys.current(source.id()).masked();
    }

    @ManagedAttribute(description = "Whether the last Test Connection succeeded")
    public boolean isConnected() {
        return status.status(source.id(), Operation.TEST_CONNECTION).connected();
    }

    @ManagedAttribute(description = "Last Test Connection result, with its time")
    public String getConnection() {
        return status.status(source.id(), Operation.TEST_CONNECTION).connection();
    }

    @ManagedOperation(description = "Tests the API key against Rothco and returns the result")
    public String testConnection() {
        ConnectionResult result = producer.requestBody("direct:" + Operation.TEST_CONNECTION.routeId(source.id()),
                null, ConnectionResult.class);
        return result.status().label() + ": " + result.message();
    }

    @ManagedOperation(description = "Sets a new API key (write-only). It is stored in the pool and used from the"
            + " next request on, by every runtime on the pool; no restart")
    public String setApiKey(String newKey) {
        try {
            return "API key of " + source.id() + " replaced; requests now send "
                    + keys.rotate(source.id(), newKey, JmxCaller.describe(nodeName))
                    + "; run testConnection to check it";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
