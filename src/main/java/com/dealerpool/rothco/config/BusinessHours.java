package com.dealerpool.rothco.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The days and hours in which a source sends fulfillment requests, in a time zone. The end is
 * exclusive; an end of 00:00 means midnight at the end of the day.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    /** Every day, all day. */
    public static final BusinessHours ALWAYS = new BusinessHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT, ZoneId.of("UTC"));

    public BusinessHours {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Returns true when the instant falls on a business day between start and end, in the zone. */
    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!days.contains(local.getDayOfWeek())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        boolean afterStart = !time.isBefore(start);
        boolean beforeEnd = end.equals(LocalTime.MIDNIGHT) || time.isBefore(end);
        return afterStart && beforeEnd;
    }

    @Override
    public String toString() {
        return this.equals(ALWAYS) ? "always" : days + " " + start + "-" + end + " " + zone;
    }
}
