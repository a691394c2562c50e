package com.dealerpool.rothco.mapping;

import org.apache.camel.Predicate;

/**
 * One entry of a field's {@code rules:} list: when the condition matches, the branch gives the value.
 *
 * @param condition     the compiled Simple predicate
 * @param conditionText the condition as written, for rejection messages
 * @param branch        the value to use when the condition matches
 */
record SmartRule(Predicate condition, String conditionText, Branch branch) {
}
