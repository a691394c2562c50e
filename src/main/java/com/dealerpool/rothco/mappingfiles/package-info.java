/**
 * The mapping files of {@code mapping-sets/} in operation: reloading them before each run, and
 * the command-line switches that validate them and preview a template on live records.
 */
package com.dealerpool.rothco.mappingfiles;
