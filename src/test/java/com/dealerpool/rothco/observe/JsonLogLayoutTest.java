package com.dealerpool.rothco.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON log layout that LOG_FORMAT=json selects, rendered from its template on the classpath. */
class JsonLogLayoutTest {

    private final JsonTemplateLayout layout = JsonTemplateLayout.newBuilder()
            .setConfiguration(new DefaultConfiguration())
            .setEventTemplateUri("classpath:rothco-log-layout.json")
            .build();

    @Test
    void runLineHasMdcFields() throws Exception {
        SortedArrayStringMap mdc = new SortedArrayStringMap();
        mdc.putValue("source", "dealer");
        mdc.putValue("operation", "get-inventory-primary");
        mdc.putValue("runId", "42");
        LogEvent event = Log4jLogEvent.newBuilder()
                .setLoggerName("com.dealerpool.rothco.job.JobRuns")
                .setLevel(Level.WARN)
                .setMessage(new SimpleMessage("Run 42 of dealer get-inventory-primary \"quoted\""))
                .setContextData(mdc)
                .setThreadName("rothco-dealer-page-requests")
                .build();

        String line = layout.toSerializable(event);
        JsonNode json = new ObjectMapper().readTree(line);

        assertThat(line).as("one line").endsWith("\n").doesNotContain("\n{");
        assertThat(json.path("time").asText()).as("time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(json.path("level").asText()).as("level").isEqualTo("WARN");
        assertThat(json.path("logger").asText()).as("logger").isEqualTo("com.dealerpool.rothco.job.JobRuns");
        assertThat(json.path("thread").asText()).as("thread").isEqualTo("rothco-dealer-page-requests");
        assertThat(json.path("source").asText()).as("source").isEqualTo("dealer");
        assertThat(json.path("operation").asText()).as("operation").isEqualTo("get-inventory-primary");
        assertThat(json.path("runId").asText()).as("run id").isEqualTo("42");
        assertThat(json.path("message").asText()).as("message")
                .isEqualTo("Run 42 of dealer get-inventory-primary \"quoted\"");
    }

    @Test
    void errorLineHasException() throws Exception {
        LogEvent event = Log4jLogEvent.newBuilder()
                .setLoggerName("com.dealerpool.rothco.job.JobRuns")
                .setLevel(Level.ERROR)
                .setMessage(new SimpleMessage("failed"))
                .setThrown(new IllegalStateException("pool closed"))
                .build();

        JsonNode json = new ObjectMapper().readTree(layout.toSerializable(event));

        assertThat(json.path("error").asText()).as("exception class").isEqualTo("java.lang.IllegalStateException");
        assertThat(json.path("errorMessage").asText()).as("exception message").isEqualTo("pool closed");
        assertThat(json.path("stackTrace").asText()).as("stack trace").contains("JsonLogLayoutTest");
        assertThat(json.has("source")).as("source field outside a run").isFalse();
    }
}
