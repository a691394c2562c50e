package com.dealerpool.rothco.mapping;

import static com.dealerpool.rothco.mapping.MappingTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingSetTest {

    @TempDir
    Path directory;

    private MappingSet csv(String content) {
        ProblemList problems = new ProblemList(directory.resolve("methods.csv"));
        Optional<MappingSet> set = MappingSetReader.readCsv(write(directory, "methods.csv", content), problems);
        assertThat(problems.problems()).as("problems").isEmpty();
        return set.orElseThrow();
    }

    private ProblemList csvProblems(String content) {
        ProblemList problems = new ProblemList(directory.resolve("methods.csv"));
        MappingSetReader.readCsv(write(directory, "methods.csv", content), problems);
        return problems;
    }

    @Test
    void csvDefaultsIgnoreCaseAndTrim() {
        MappingSet set = csv("from,to\nUPS Ground , UPSGND\n");
        assertThat(set.name()).isEqualTo("methods");
        assertThat(set.lookup("ups ground")).isEqualTo("UPSGND");
        assertThat(set.lookup("  UPS GROUND ")).isEqualTo("UPSGND");
    }

    @Test
    void csvCaseSensitiveSetting() {
        MappingSet set = csv("# case-sensitive: true\nfrom,to\nUPS Ground,UPSGND\n");
        assertThat(set.lookup("UPS Ground")).as("same case").isEqualTo("UPSGND");
        assertThat(set.lookup("ups ground")).as("other case").isNull();
    }

    @Test
    void csvTrimOffSetting() {
        MappingSet set = csv("# trim: false\nfrom,to\n\" Ground\",UPSGND\n");
        assertThat(set.lookup(" Ground")).as("with the space").isEqualTo("UPSGND");
        assertThat(set.lookup("Ground")).as("without the space").isNull();
    }

    @Test
    void csvQuotedCells() {
        MappingSet set = csv("from,to\n\"Ground, 5-7 days\",\"UPS \"\"GND\"\"\"\n");
        assertThat(set.lookup("ground, 5-7 days")).isEqualTo("UPS \"GND\"");
    }

    @Test
    void csvSkipsCommentsAndBlankLines() {
        MappingSet set = csv("# Shipping codes\n\nfrom,to\n# Ground\nGround,UPSGND\n\n");
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void csvReportsDuplicateIgnoringCase() {
        ProblemList problems = csvProblems("from,to\nGround,UPSGND\nGROUND,FXGHD\n");
        assertThat(problems.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.line()).isEqualTo(3))
                .satisfies(problem -> assertThat(problem.message()).contains("line 2"));
    }

    @Test
    void csvReportsBadHeaderAndColumns() {
        ProblemList problems = csvProblems("source,target\nGround,UPSGND,extra\nTwo Day\n");
        assertThat(problems.problems()).extracting(MappingProblem::line).containsExactly(1, 2, 3);
        assertThat(problems.problems().get(0).message()).contains("'from,to'");
    }

    @Test
    void csvReportsInvalidSettingValue() {
        ProblemList problems = csvProblems("# trim: sometimes\nfrom,to\n");
        assertThat(problems.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'sometimes'"));
    }

    @Test
    void yamlSetWithSettings() {
        Path file = write(directory, "colors.yaml", """
                caseSensitive: true
                trim: false
                entries:
                  OD: Olive Drab
                  " BLK": Black
                """);
        ProblemList problems = new ProblemList(file);
        MappingSet set = MappingSetReader.readYaml(file, problems).orElseThrow();
        assertThat(problems.problems()).isEmpty();
        assertThat(set.name()).isEqualTo("colors");
        assertThat(set.lookup("OD")).isEqualTo("Olive Drab");
        assertThat(set.lookup("od")).as("case-sensitive").isNull();
        assertThat(set.lookup(" BLK")).as("untrimmed key").isEqualTo("Black");
    }

    @Test
    void yamlSetDefaultsIgnoreCase() {
        Path file = write(directory, "colors.yml", "entries:\n  OD: Olive Drab\n");
        MappingSet set = MappingSetReader.readYaml(file, new ProblemList(file)).orElseThrow();
        assertThat(set.lookup(" od ")).isEqualTo("Olive Drab");
    }

    @Test
    void yamlSetReportsProblemsWithLines() {
        Path file = write(directory, "colors.yaml", """
                caseSensitive: maybe
                extra: 1
                entries:
                  OD: Olive Drab
                  od: Olive
                """);
        ProblemList problems = new ProblemList(file);
        MappingSetReader.readYaml(file, problems);
        assertThat(problems.problems()).extracting(MappingProblem::line).containsExactly(1, 2, 5);
    }
}
